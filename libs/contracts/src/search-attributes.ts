import { defineSearchAttributeKey, type SearchAttributeUpdatePair, SearchAttributeType } from '@temporalio/common';

/** Spanish names: coordinators type them in the Temporal UI and CLI (`Entidad="14" AND FacilitadorVacante=true`). */
export const SEARCH_ATTRIBUTES = {
  entidad: defineSearchAttributeKey('Entidad', SearchAttributeType.KEYWORD),
  paso: defineSearchAttributeKey('Paso', SearchAttributeType.INT),
  etapa: defineSearchAttributeKey('Etapa', SearchAttributeType.INT),
  escalacionesAbiertas: defineSearchAttributeKey('EscalacionesAbiertas', SearchAttributeType.INT),
  facilitadorVacante: defineSearchAttributeKey('FacilitadorVacante', SearchAttributeType.BOOL),
} as const;

/** For `temporal server start-dev --search-attribute Name=Type` and `temporal operator search-attribute create`. */
export const SEARCH_ATTRIBUTE_TYPES: Readonly<Record<string, 'Keyword' | 'Int' | 'Bool'>> = {
  Entidad: 'Keyword',
  Paso: 'Int',
  Etapa: 'Int',
  EscalacionesAbiertas: 'Int',
  FacilitadorVacante: 'Bool',
};

export interface SearchAttributeValues {
  readonly entidad: string;
  readonly paso?: number;
  readonly etapa?: number;
  readonly escalacionesAbiertas: number;
  /** `null` removes it. */
  readonly facilitadorVacante?: boolean | null;
}

export function searchAttributePairs(values: SearchAttributeValues): SearchAttributeUpdatePair[] {
  const pairs: SearchAttributeUpdatePair[] = [
    { key: SEARCH_ATTRIBUTES.entidad, value: values.entidad },
    { key: SEARCH_ATTRIBUTES.escalacionesAbiertas, value: values.escalacionesAbiertas },
  ];
  if (values.paso !== undefined) pairs.push({ key: SEARCH_ATTRIBUTES.paso, value: values.paso });
  if (values.etapa !== undefined) pairs.push({ key: SEARCH_ATTRIBUTES.etapa, value: values.etapa });
  if (values.facilitadorVacante !== undefined) {
    pairs.push({ key: SEARCH_ATTRIBUTES.facilitadorVacante, value: values.facilitadorVacante });
  }
  return pairs;
}
