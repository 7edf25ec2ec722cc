/**
 * Watchlist queries: AND / OR / NOT (also 与 或 非, & | -), parentheses and "quoted phrases",
 * matched as substrings of normalised text (the same phrase semantics as platform search).
 * Adjacent terms without an operator are ANDed. Precedence: NOT > AND > OR.
 */
export type QueryNode = { op: 'term'; value: string } | { op: 'not'; arg: QueryNode } | { op: 'and' | 'or'; args: QueryNode[] };

export class QuerySyntaxError extends Error {
  constructor(
    readonly issue: string,
    readonly position: number,
  ) {
    super(`${issue} at ${position}`);
  }
}

type Token = { kind: 'term' | 'and' | 'or' | 'not' | 'lp' | 'rp'; value: string; pos: number };

const KEYWORDS: Record<string, Token['kind']> = { AND: 'and', OR: 'or', NOT: 'not', 与: 'and', 或: 'or', 非: 'not' };

const tokenize = (input: string, norm: (s: string) => string): Token[] => {
  const out: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === '（') {
      out.push({ kind: 'lp', value: c, pos: i++ });
    } else if (c === ')' || c === '）') {
      out.push({ kind: 'rp', value: c, pos: i++ });
    } else if (c === '&' || c === '|') {
      out.push({ kind: c === '&' ? 'and' : 'or', value: c, pos: i++ });
    } else if (c === '-' && (out.length === 0 || out[out.length - 1]?.kind !== 'term' || /\s/.test(input[i - 1] ?? ' '))) {
      out.push({ kind: 'not', value: c, pos: i++ });
    } else if (c === '"' || c === '“' || c === '”') {
      const start = i++;
      let s = '';
      while (i < input.length && !['"', '“', '”'].includes(input[i] as string)) s += input[i++];
      if (i >= input.length) throw new QuerySyntaxError('unclosed_quote', start);
      i++;
      const v = norm(s).trim();
      if (!v) throw new QuerySyntaxError('empty_phrase', start);
      out.push({ kind: 'term', value: v, pos: start });
    } else {
      const start = i;
      let s = '';
      while (i < input.length && !/[\s()（）"“”&|]/.test(input[i] as string)) s += input[i++];
      const kw = KEYWORDS[s];
      if (kw) out.push({ kind: kw, value: s, pos: start });
      else out.push({ kind: 'term', value: norm(s), pos: start });
    }
  }
  return out;
};

export const parseQuery = (input: string, norm: (s: string) => string = (s) => s.toLowerCase()): QueryNode => {
  const tokens = tokenize(input, norm);
  let p = 0;
  const peek = () => tokens[p];
  const parseOr = (): QueryNode => {
    const args = [parseAnd()];
    while (peek()?.kind === 'or') {
      p++;
      args.push(parseAnd());
    }
    return args.length === 1 ? (args[0] as QueryNode) : { op: 'or', args };
  };
  const parseAnd = (): QueryNode => {
    const args = [parseNot()];
    for (;;) {
      const t = peek();
      if (t?.kind === 'and') {
        p++;
        args.push(parseNot());
      } else if (t && (t.kind === 'term' || t.kind === 'not' || t.kind === 'lp')) {
        args.push(parseNot());
      } else break;
    }
    return args.length === 1 ? (args[0] as QueryNode) : { op: 'and', args };
  };
  const parseNot = (): QueryNode => {
    const t = peek();
    if (t?.kind === 'not') {
      p++;
      return { op: 'not', arg: parseNot() };
    }
    return parseAtom();
  };
  const parseAtom = (): QueryNode => {
    const t = peek();
    if (!t) throw new QuerySyntaxError('unexpected_end', input.length);
    if (t.kind === 'lp') {
      p++;
      const inner = parseOr();
      if (peek()?.kind !== 'rp') throw new QuerySyntaxError('unclosed_parenthesis', t.pos);
      p++;
      return inner;
    }
    if (t.kind === 'term') {
      p++;
      return { op: 'term', value: t.value };
    }
    throw new QuerySyntaxError(`unexpected_${t.kind}`, t.pos);
  };
  const node = parseOr();
  if (p < tokens.length) throw new QuerySyntaxError(`unexpected_${tokens[p]?.kind}`, tokens[p]?.pos ?? input.length);
  if (!hasPositive(node)) throw new QuerySyntaxError('only_negative_terms', 0);
  return node;
};

/** A query made only of NOTs would match almost everything: refuse it. */
const hasPositive = (n: QueryNode): boolean => {
  if (n.op === 'term') return true;
  if (n.op === 'not') return false;
  return n.op === 'and' ? n.args.some(hasPositive) : n.args.every(hasPositive);
};

export const matchQuery = (node: QueryNode, normalisedText: string): boolean => {
  switch (node.op) {
    case 'term':
      return normalisedText.includes(node.value);
    case 'not':
      return !matchQuery(node.arg, normalisedText);
    case 'and':
      return node.args.every((a) => matchQuery(a, normalisedText));
    case 'or':
      return node.args.some((a) => matchQuery(a, normalisedText));
  }
};

/** The positive terms that occur in the text (for explanations and highlighting). */
export const matchedTerms = (node: QueryNode, text: string, out: Set<string> = new Set()): Set<string> => {
  if (node.op === 'term') {
    if (text.includes(node.value)) out.add(node.value);
  } else if (node.op !== 'not') for (const a of node.args) matchedTerms(a, text, out);
  return out;
};
