// Evaluates GitHub Actions expressions (the text inside `${{ }}`, or a bare `if:`) the way the
// runner does, for the workflow tests: literals, context paths (names may hold `-`), `!`, `==`,
// `!=`, `&&`, `||`, parentheses, and the functions the workflows use. No package that does this
// is installed at the root (@actions/expressions would be the one to add), and the grammar the
// workflows use is small. Semantics from GitHub's "Evaluate expressions" reference: `&&` and `||`
// return an operand, not a boolean; strings compare case-insensitively; operands of different
// types compare as numbers; a missing property is null.

export type Value = string | number | boolean | null | { [key: string]: Value };

/** What the status functions answer for the step being evaluated. */
export interface Status {
  /** a step before this one failed (without continue-on-error) */
  failed: boolean;
  /** the run was cancelled */
  cancelled: boolean;
}

/** The value of `expression` in `context` (github, inputs, secrets, vars, env, steps...). */
export function evaluateExpression(expression: string, context: Record<string, Value>, status: Status = { failed: false, cancelled: false }): Value {
  const tokens = tokenize(expression);
  let at = 0;
  const peek = () => tokens[at];
  const take = (expected?: string) => {
    const token = tokens[at++];
    if (expected !== undefined && token !== expected) throw new Error(`expected ${expected} at token ${at} of ${expression}, got ${token}`);
    return token!;
  };

  // `||` and `&&` return an operand: the left one when it decides, the right one otherwise
  const chain = (operator: string, operand: () => Value, leftDecides: (left: Value) => boolean) => (): Value => {
    let left = operand();
    while (peek() === operator) {
      take();
      const right = operand();
      if (!leftDecides(left)) left = right;
    }
    return left;
  };
  const equality = (): Value => {
    let left = unary();
    while (peek() === "==" || peek() === "!=") {
      const operator = take();
      const same = equals(left, unary());
      left = operator === "==" ? same : !same;
    }
    return left;
  };
  const and = chain("&&", equality, (left) => !truthy(left));
  const or = chain("||", and, truthy);
  const unary = (): Value => (peek() === "!" ? (take(), !truthy(unary())) : primary());
  const primary = (): Value => {
    const token = take();
    if (token === "(") {
      const value = or();
      take(")");
      return value;
    }
    if (token.startsWith("'")) return token.slice(1, -1).replaceAll("''", "'");
    if (/^\d/.test(token)) return Number(token);
    if (token === "true" || token === "false") return token === "true";
    if (token === "null") return null;
    if (peek() === "(") return call(token);
    let value: Value = context[token] ?? null;
    while (peek() === "." || peek() === "[") {
      const key = take() === "." ? take() : (() => { const inner = or(); take("]"); return String(inner); })();
      value = value !== null && typeof value === "object" ? (value[key] ?? null) : null;
    }
    return value;
  };
  const call = (name: string): Value => {
    take("(");
    const args: Value[] = [];
    while (peek() !== ")") {
      args.push(or());
      if (peek() === ",") take();
    }
    take(")");
    switch (name) {
      case "success": return !status.failed && !status.cancelled;
      case "failure": return status.failed;
      case "cancelled": return status.cancelled;
      case "always": return true;
      case "format": return String(args[0]).replace(/\{(\d+)\}/g, (_, index: string) => text(args[Number(index) + 1] ?? null));
      case "contains": return text(args[0] ?? null).toLowerCase().includes(text(args[1] ?? null).toLowerCase());
      default: throw new Error(`the expression calls ${name}(), which these tests do not know`);
    }
  };

  const value = or();
  if (at !== tokens.length) throw new Error(`unexpected ${tokens[at]} in ${expression}`);
  return value;
}

/** A value as the runner writes it into a string (an env value, a `run:` line). */
export function text(value: Value): string {
  if (value === null) return "";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** Replaces every `${{ expression }}` in a YAML value with its value as text. */
export function interpolate(template: string, context: Record<string, Value>): string {
  return template.replace(/\$\{\{(.*?)\}\}/g, (_, expression: string) => text(evaluateExpression(expression, context)));
}

/** Whether an expression's value counts as true in an `if:` (false, 0, '', null are false). */
export function truthy(value: Value): boolean {
  return !(value === false || value === 0 || value === "" || value === null || Number.isNaN(value));
}

function equals(left: Value, right: Value): boolean {
  if (typeof left === "string" && typeof right === "string") return left.toLowerCase() === right.toLowerCase();
  if (typeof left === typeof right) return left === right;
  return toNumber(left) === toNumber(right);
}

function tokenize(expression: string): string[] {
  const pattern = /\s*('(?:[^']|'')*'|\d+(?:\.\d+)?|[A-Za-z_][\w-]*|==|!=|&&|\|\||[!().,[\]])\s*/y;
  const tokens: string[] = [];
  while (pattern.lastIndex < expression.length) {
    const at = pattern.lastIndex;
    const match = pattern.exec(expression);
    if (match === null) throw new Error(`cannot read the expression ${expression} at ${expression.slice(at)}`);
    tokens.push(match[1]!);
  }
  return tokens;
}

function toNumber(value: Value): number {
  if (value === null) return 0;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "string") return value.trim() === "" ? 0 : Number(value);
  if (typeof value === "number") return value;
  return Number.NaN;
}
