import { type BusinessCalendar, businessCalendar } from '../calendar/business-calendar';
import { type StlState } from './stl-state';

/** Días hábiles of this STL: the federal rest days plus the STL's own non-working days. */
export function stlCalendar(state: StlState): BusinessCalendar {
  return businessCalendar(state.status === 'unregistered' ? [] : state.extraNonWorkingDays);
}
