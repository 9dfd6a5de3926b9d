import type * as TS from "typescript";
import { ts } from "../fast/typescript.ts";
import { inlineValueLimit, type InlineResult } from "../records/InlineResult.ts";
import type { TagProblem } from "./parseExpectations.ts";

export interface FoundInlineResults {
  results: InlineResult[];
  problems: TagProblem[];
}

const marker = "//=>";
/** the most characters of a statement's first line kept for messages */
const codeLimit = 200;

/**
 * The `//=> VALUE` checks in an example's body (see `InlineResult`): a `//=>` comment on an
 * expression statement's last line, or alone on the line right after it. A `//=>` comment that
 * would check nothing (after a declaration, after a blank line, inside an expression) is a
 * problem at its place, never silently unchecked; `//=>` inside a string or inside another
 * comment is text. Reads syntax only. Callers test the body's text for `//=>` first: this walks
 * the body's tokens, which only a body holding one needs.
 */
export function findInlineResults(sourceFile: TS.SourceFile, body: TS.Node): FoundInlineResults {
  const text = sourceFile.text;
  const lineOf = (position: number) => sourceFile.getLineAndCharacterOfPosition(position).line;
  // the statement that ends last on each line; of nested ones ending together, the expression
  // statement (`if (ok) f(); //=> 1` checks `f()`), else the outermost (`if (ok) { f(); }`)
  const lastEnding = new Map<number, TS.Statement>();
  const comments: TS.CommentRange[] = [];
  const seen = new Set<number>();
  const visit = (node: TS.Node) => {
    const children = node.getChildren(sourceFile);
    if (children.length === 0) {
      // every comment is in the trivia before some token: on its line (trailing) or after (leading)
      for (const range of [...(ts.getTrailingCommentRanges(text, node.pos) ?? []), ...(ts.getLeadingCommentRanges(text, node.pos) ?? [])]) {
        if (seen.has(range.pos) || range.kind !== ts.SyntaxKind.SingleLineCommentTrivia || !text.startsWith(marker, range.pos)) continue;
        seen.add(range.pos);
        if (range.pos >= body.getStart(sourceFile) && range.end <= body.end) comments.push(range);
      }
    }
    if (ts.isStatement(node)) {
      const line = lineOf(node.end);
      const known = lastEnding.get(line);
      if (!known || known.end < node.end || (known.end === node.end && ts.isExpressionStatement(node))) lastEnding.set(line, node);
    }
    children.forEach(visit);
  };
  visit(body);
  comments.sort((a, b) => a.pos - b.pos);

  const results: InlineResult[] = [];
  const problems: TagProblem[] = [];
  const claimed = new Map<TS.Statement, number>();
  for (const comment of comments) {
    const { line, character } = sourceFile.getLineAndCharacterOfPosition(comment.pos);
    const problem = (message: string) => problems.push({ line: line + 1, column: character + 1, message });
    const statement = statementBefore(comment, line);
    if (!statement) {
      problem("`//=>` follows no statement: write it after an expression statement, on its line or on the line right after it (`parse('a.b'); //=> ['a', 'b']`)");
      continue;
    }
    const statementLine = lineOf(statement.getStart(sourceFile)) + 1;
    const earlier = claimed.get(statement);
    if (earlier !== undefined) {
      problem(`a second \`//=>\` for the statement at line ${statementLine}: one value per statement`);
      continue;
    }
    claimed.set(statement, comment.pos);
    const expected = text.slice(comment.pos + marker.length, comment.end).trim();
    if (!ts.isExpressionStatement(statement)) {
      problem(`\`//=>\` after ${describeStatement(statement)} checks nothing: only an expression statement has a value; write the value on a line of its own (${hint(statement, expected)})`);
      continue;
    }
    if (expected === "") {
      problem("`//=>` needs the expected value after it: a JavaScript value (`//=> ['a', 'b']`) or what util.inspect prints");
      continue;
    }
    if (expected.length > inlineValueLimit) {
      problem(`\`//=>\` value is ${expected.length} characters, more than the ${inlineValueLimit} Exemplar reads; check a smaller part of the value`);
      continue;
    }
    const logged = loggedArguments(statement.expression);
    if (logged && (logged.length !== 1 || ts.isSpreadElement(logged[0]!))) {
      const how = logged.length === 1 ? "a spread argument" : `${logged.length} arguments`;
      problem(`\`//=>\` after console.log with ${how}: log one value to check it (\`console.log(total); //=> 3\`)`);
      continue;
    }
    const recorded = logged ? logged[0]! : statement.expression;
    const start = statement.getStart(sourceFile);
    const firstLineEnd = text.slice(start, statement.end).search(/[\r\n]/);
    const code = text.slice(start, firstLineEnd === -1 ? statement.end : start + firstLineEnd).trim();
    results.push({
      line: line + 1,
      statementLine,
      // for messages: a minified line is cut
      code: code.length > codeLimit ? `${code.slice(0, codeLimit)}…` : code,
      expected,
      kind: logged ? "logged" : "value",
      start: recorded.getStart(sourceFile),
      end: recorded.end,
    });
  }
  return { results, problems };

  /** the statement a `//=>` comment on `line` (0-based) is about, if any */
  function statementBefore(comment: TS.CommentRange, line: number): TS.Statement | undefined {
    const lineStart = sourceFile.getPositionOfLineAndCharacter(line, 0);
    if (text.slice(lineStart, comment.pos).trim() !== "") {
      // on the statement's line: only blanks between its end and the comment
      const statement = lastEnding.get(line);
      return statement && statement.end <= comment.pos && text.slice(statement.end, comment.pos).trim() === "" ? statement : undefined;
    }
    // alone on its line: the statement ends on the line before, followed by blanks or a comment
    const statement = line > 0 ? lastEnding.get(line - 1) : undefined;
    if (!statement) return undefined;
    const rest = ts.getTrailingCommentRanges(text, statement.end) ?? [];
    const after = rest.length > 0 ? rest[rest.length - 1]!.end : statement.end;
    return text.slice(after, lineStart).trim() === "" && text.slice(statement.end, rest[0]?.pos ?? after).trim() === "" ? statement : undefined;
  }
}

/** the arguments of `console.log(...)`, or undefined when the expression is not such a call */
function loggedArguments(expression: TS.Expression): readonly TS.Expression[] | undefined {
  if (!ts.isCallExpression(expression)) return undefined;
  const callee = expression.expression;
  if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression) || callee.expression.text !== "console" || callee.name.text !== "log") return undefined;
  return expression.arguments;
}

/** `total; //=> 3` for `const total = 1 + 2; //=> 3` */
function hint(statement: TS.Statement, expected: string): string {
  const declared = ts.isVariableStatement(statement) ? statement.declarationList.declarations[0]!.name : undefined;
  const name = declared && ts.isIdentifier(declared) ? declared.text : "x";
  return `\`${name}; //=> ${expected.length > 40 || expected === "" ? "..." : expected}\``;
}

function describeStatement(statement: TS.Statement): string {
  if (ts.isVariableStatement(statement) || ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) return "a declaration";
  if (ts.isIfStatement(statement)) return "an if statement";
  if (ts.isReturnStatement(statement)) return "a return statement";
  if (ts.isBlock(statement)) return "a block";
  if (ts.isIterationStatement(statement, false)) return "a loop";
  return "a statement that is not an expression";
}
