import { setTimeout as sleep } from 'node:timers/promises';
import { DEMO_PASSWORD } from '../../support/auth';
import { type Targets } from './arbitraries';

export function fuzzApiUrl(): string {
  const url = process.env.E2E_API_URL;
  if (!url) throw new Error('E2E_API_URL is not set: run the fuzz tests through their Jest project');
  return url;
}

/**
 * A demo account's bearer token. The login route allows 60 attempts a minute per address, and both the fast-check
 * fuzz and schemathesis send it fuzzed logins from this machine: if another file used them up, wait the Retry-After.
 */
export async function loginAs(apiUrl: string, username: string): Promise<string> {
  for (let attempt = 0; ; attempt += 1) {
    const response = await fetch(`${apiUrl}/api/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    if (response.status === 429 && attempt < 3) {
      await sleep(1_000 * Number(response.headers.get('retry-after') ?? 60));
      continue;
    }
    if (response.status !== 200) throw new Error(`Login as ${username} answered ${response.status}: ${await response.text()}`);
    return ((await response.json()) as { accessToken: string }).accessToken;
  }
}

async function getJson<T>(apiUrl: string, token: string, path: string): Promise<T> {
  const response = await fetch(`${apiUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
  return (await response.json()) as T;
}

/**
 * The seeded state whose ids the valid path parameters use: the first whose PAL is launched (step 6), so that
 * commitments, sessions, members and escalations all exist and near-valid requests reach the domain's rules.
 */
export async function findTargets(apiUrl: string, token: string): Promise<Targets> {
  const exercises = await getJson<{ id: string; entidad: string; currentStep: number }[]>(apiUrl, token, '/api/exercises');
  const exercise = exercises.find((candidate) => candidate.currentStep === 6) ?? exercises[0];
  if (!exercise) throw new Error('The seed left no exercise to aim at');
  const [stl, detail, escalations] = await Promise.all([
    getJson<{ members: { memberId: string }[]; sessions: { id: string }[] }>(apiUrl, token, `/api/stls/${exercise.entidad}`),
    getJson<{ commitments?: { items?: { id: string }[] } }>(apiUrl, token, `/api/exercises/${exercise.id}`),
    getJson<{ id: string }[]>(apiUrl, token, '/api/escalations?limit=20'),
  ]);
  return {
    entidad: exercise.entidad,
    exerciseId: exercise.id,
    memberIds: stl.members.map((member) => member.memberId),
    sessionIds: stl.sessions.map((session) => session.id),
    commitmentIds: (detail.commitments?.items ?? []).map((commitment) => commitment.id),
    escalationIds: escalations.map((escalation) => escalation.id),
  };
}
