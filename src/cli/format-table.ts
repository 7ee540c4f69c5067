// A terminal-friendly view of one analysed article.
import type { CodedEvent, Doc } from '../model/types.js';

/** Options for {@link formatTable}. */
export interface TableOptions {
  explain?: boolean;
}

/** Formats an article's events, quotes and flags as aligned text. */
export function formatTable(doc: Doc, options: TableOptions = {}): string {
  const a = doc.article;
  const out: string[] = [];
  out.push(`# ${a.title ?? a.id}  (${a.published ?? 'date unknown: times relative'}; ${a.source})`);
  out.push(`${doc.sentences.length} sentences, ${doc.mentions.length} mentions, ${doc.times.length} times, ${doc.events.length} events, ${doc.quotes.length} quotes, ${doc.flags.length} flags`);
  if (doc.events.length) {
    out.push('');
    const rows = doc.events.map(eventRow);
    const head = ['date', 'source', 'cameo', 'target', 'modality', 'gold.', 'plover', 'evidence'];
    out.push(...align([head, ...rows]));
    if (options.explain) {
      for (const [i, e] of doc.events.entries()) {
        if (!e.explain) continue;
        out.push(`  [${i + 1}] pattern ${e.explain.pattern}; trigger "${e.explain.trigger}"; source ${e.explain.sourceRole}; target ${e.explain.targetRole}; date ${e.explain.dateFrom}${e.explain.notes.length ? `; ${e.explain.notes.join('; ')}` : ''}`);
      }
    }
  }
  if (doc.quotes.length) {
    out.push('', 'quotes:');
    for (const q of doc.quotes) out.push(`  ${q.speaker ?? '(unknown)'}: “${clip(q.text, 90)}”`);
  }
  if (doc.flags.length) {
    out.push('', 'flags:');
    for (const f of doc.flags) out.push(`  [${f.kind}] “${clip(f.text, 60)}”: ${f.message}`);
  }
  return `${out.join('\n')}\n\n`;
}

function eventRow(e: CodedEvent): string[] {
  const actor = (x: CodedEvent['source'] | null): string => (x ? `${x.country ?? '---'}${x.sector ? ` ${x.sector}` : ''} ${x.name}` : '-');
  return [e.date ?? '?', actor(e.source), e.cameo, actor(e.target), e.modality, String(e.goldstein), e.plover, clip(e.evidence, 60)];
}

function clip(s: string, n: number): string {
  const t = s.replace(/\s+/g, ' ');
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
}

function align(rows: string[][]): string[] {
  const widths = rows[0].map((_, c) => Math.min(40, Math.max(...rows.map((r) => clip(r[c], 40).length))));
  return rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : clip(cell, 40).padEnd(widths[c]))).join('  '));
}
