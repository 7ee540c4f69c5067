// Resolving a title without a name ("the US Secretary", "the Director of the CIA", "the Foreign
// Minister") to the person holding it on the article date.
import type { Entity, RoleTitle } from './types.js';
import type { Ctx, Qualifier } from './context.js';
import { activeOn, holderOf, holdersByTitle } from './lookup.js';

function holdsMatching(ctx: Ctx, e: Entity, title: RoleTitle, where: string | null, orgId: string | null, anyTime = false): boolean {
  return (e.offices ?? []).some((o) => (anyTime || activeOn(o, ctx.date))
    && (title.role ? o.role === title.role : o.title.toLowerCase().includes(title.head.toLowerCase()))
    && (orgId ? o.body === orgId : where === null || o.for === where));
}

/** The person a title refers to on the article date: someone already named in the article first, then the knowledge base. */
export function resolveTitle(ctx: Ctx, title: RoleTitle, q: Qualifier | null): Entity | null {
  const where = q?.country ?? title.country ?? ctx.lastActorCountry;
  const orgId = q?.orgId ?? null;
  for (let i = ctx.persons.length - 1; i >= 0; i--) {
    const e = ctx.persons[i].entity;
    if (e && holdsMatching(ctx, e, title, where, orgId)) return e;
  }
  // Without a date, "now" is only a guess: someone the article named who held the office at some
  // time ("John Kerry, the Secretary of State") is a better one than today's holder.
  if (ctx.date === null) {
    for (let i = ctx.persons.length - 1; i >= 0; i--) {
      const e = ctx.persons[i].entity;
      if (e && holdsMatching(ctx, e, title, where, orgId, true)) return e;
    }
  }
  if (orgId) {
    const byBody = holdersByTitle(ctx.kb, title.role ? '' : title.head, orgId, ctx.date).filter((e) => holdsMatching(ctx, e, title, null, orgId));
    if (byBody.length === 1) return byBody[0];
  }
  if (!where) return null;
  if (title.role) return holderOf(ctx.kb, title.role, where, ctx.date);
  const byTitle = holdersByTitle(ctx.kb, title.head, where, ctx.date);
  return byTitle.length === 1 ? byTitle[0] : null;
}
