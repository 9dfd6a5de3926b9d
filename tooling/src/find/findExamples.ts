import type * as TS from "typescript";
import { ts } from "../fast/typescript.ts";
import type { Example } from "../records/Example.ts";
import { parseExampleSource } from "./parseExampleSource.ts";
import { syntaxErrors } from "./syntaxErrors.ts";
import { keyPattern } from "./keyPattern.ts";
import { isExampleTagTypo } from "./exampleTagTypo.ts";
import { parseDocComment, type DocComment } from "./parseDocComment.ts";
import { parseExpectations } from "./parseExpectations.ts";
import { findInlineResults } from "./findInlineResults.ts";
import type { Problem } from "../records/Problem.ts";
import type { SourceText } from "../records/SourceText.ts";
import { findDuplicateKeys } from "./findDuplicateKeys.ts";

export interface FoundExamples {
  examples: Example[];
  problems: Problem[];
  /** each file's syntax tree, by file: splicing renders code from them without parsing again */
  sourceFiles: ReadonlyMap<string, TS.SourceFile>;
}

export interface FindOptions {
  /** syntax trees made before (a project's, when one of its files changed): a file whose text is the same is not parsed again */
  parsed?: ReadonlyMap<string, TS.SourceFile>;
}

/**
 * Finds the examples in TypeScript sources by reading their syntax; never runs code.
 * Every problem (syntax errors, bad keys, unknown tags, duplicates...) is returned with its
 * place, so a caller can report them all at once.
 */
export function findExamples(sources: readonly SourceText[], options: FindOptions = {}): FoundExamples {
  const examples: Example[] = [];
  const problems: Problem[] = [];
  // JSDoc is read from the raw comments below; the parser need not build JSDoc nodes
  const sourceFiles = sources.map(({ file, text }) => {
    const known = options.parsed?.get(file);
    return known?.text === text ? known : parseExampleSource(file, text);
  });
  const diagnostics = syntaxErrors(sourceFiles);
  for (const sourceFile of sourceFiles) {
    const found = findInFile(sourceFile, diagnostics.get(sourceFile.fileName));
    examples.push(...found.examples);
    problems.push(...found.problems);
  }
  problems.push(...findDuplicateKeys(examples));
  return { examples, problems, sourceFiles: new Map(sourceFiles.map((sourceFile) => [sourceFile.fileName, sourceFile])) };
}

/**
 * The examples and problems of one parsed file, duplicate keys aside (they take every file:
 * `findDuplicateKeys`). Its syntax errors are the parser's, unless `diagnostics` are given.
 */
export function findInFile(sourceFile: TS.SourceFile, diagnostics: readonly TS.Diagnostic[] = syntaxErrors([sourceFile]).get(sourceFile.fileName) ?? []): Omit<FoundExamples, "sourceFiles"> {
  const file = sourceFile.fileName;
  const place = (position: number) => {
    const { line, character } = sourceFile.getLineAndCharacterOfPosition(position);
    return { file, line: line + 1, column: character + 1 };
  };
  const problems: Problem[] = diagnostics.map((diagnostic) => ({
    ...place(diagnostic.start ?? 0),
    message: `syntax error: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`,
  }));
  const examples: Example[] = [];
  const { docComments, typos } = exampleDocComments(sourceFile, place);
  problems.push(...typos.map((typo) => ({ file, ...typo })));
  const consumed = new Set<number>();
  // `//=>` checks are looked for only in the bodies of a file that holds the marker
  const mayHoldInline = sourceFile.text.includes("//=>");

  for (const statement of sourceFile.statements) {
    // the doc comment of a statement is the last `/** */` comment right before it
    const jsDoc = ts.getLeadingCommentRanges(sourceFile.text, statement.pos)?.findLast((range) => sourceFile.text.startsWith("/**", range.pos));
    {
      if (!jsDoc) continue;
      const comment = docComments.get(jsDoc.pos);
      if (!comment) continue;
      consumed.add(jsDoc.pos);
      const exampleTag = comment.tags.find((tag) => tag.name === "example")!;
      const tagPlace = { file, line: exampleTag.line, column: exampleTag.column };
      const target = exampleTarget(statement);
      if (typeof target === "string") {
        problems.push({ ...tagPlace, message: target });
        continue;
      }
      const key = exampleTag.value;
      if (!key) {
        problems.push({ ...tagPlace, message: "@example needs a key, for example `@example registry.save-and-find`" });
        continue;
      }
      if (!keyPattern.test(key)) {
        problems.push({
          ...tagPlace,
          message: `invalid example key \`${key}\`: expected lowercase letters, digits, \`.\`, \`-\` and \`/\``,
        });
        continue;
      }
      const body = bodyRange(target.fn, sourceFile);
      const inline = mayHoldInline && sourceFile.text.slice(body.bodyStart, body.bodyEnd).includes("//=>") ? findInlineResults(sourceFile, target.fn.body!) : undefined;
      // a `//=>` that is a problem is reported as such, not as a missing assertion besides
      const parsed = parseExpectations(comment.tags, { inline: (inline?.results.length ?? 0) + (inline?.problems.length ?? 0) > 0 });
      problems.push(...[...parsed.problems, ...(inline?.problems ?? [])].map((problem) => ({ file, ...problem })));
      if (parsed.problems.length > 0 || (inline?.problems.length ?? 0) > 0) continue;
      const start = statement.getStart(sourceFile);
      const example: Example = {
        key,
        name: target.name,
        file,
        line: place(start).line,
        endLine: place(statement.getEnd()).line,
        start,
        end: statement.getEnd(),
        ...body,
        async: target.fn.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.AsyncKeyword) ?? false,
        description: comment.description,
        expectations: parsed.expectations,
      };
      if (inline && inline.results.length > 0) example.inlineResults = inline.results;
      if (parsed.timeout !== undefined) example.timeout = parsed.timeout;
      if (parsed.skip !== undefined) example.skip = parsed.skip;
      if (parsed.noCache) example.noCache = true;
      examples.push(example);
    }
  }
  for (const [position, comment] of docComments) {
    if (consumed.has(position)) continue;
    const tag = comment.tags.find((candidate) => candidate.name === "example")!;
    problems.push({
      file,
      line: tag.line,
      column: tag.column,
      message: "@example must document an exported top-level function (`export function` or `export const name = () => ...`)",
    });
  }
  return { examples, problems };
}

type ExampleFunction = TS.FunctionDeclaration | TS.ArrowFunction | TS.FunctionExpression;

/** The function an `@example` comment documents, or why the statement cannot be one. */
function exampleTarget(statement: TS.Statement): { name: string; fn: ExampleFunction } | string {
  const exported = statement.kind !== ts.SyntaxKind.ExportAssignment &&
    ts.canHaveModifiers(statement) &&
    (ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword) ?? false);
  const isDefault = ts.canHaveModifiers(statement) &&
    (ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword) ?? false);
  if (ts.isFunctionDeclaration(statement)) {
    const name = isDefault ? "default" : statement.name?.text;
    if (!name || !statement.body) return "@example must document a function with a name and a body";
    if (!exported) return `@example function \`${name}\` is not exported: add \`export\` so it can be run`;
    return { name, fn: statement };
  }
  if (ts.isVariableStatement(statement)) {
    const declarations = statement.declarationList.declarations;
    const declaration = declarations[0]!;
    const name = ts.isIdentifier(declaration.name) ? declaration.name.text : "(pattern)";
    const init = declaration.initializer;
    if (declarations.length !== 1 || !init || !(ts.isArrowFunction(init) || ts.isFunctionExpression(init))) {
      return `@example on variable \`${name}\`: expected an exported function (\`export const ${name} = () => { ... }\`)`;
    }
    if (!exported) return `@example function \`${name}\` is not exported: add \`export\` so it can be run`;
    return { name, fn: init };
  }
  return `@example on ${describeKind(statement)}: expected an exported function`;
}

function describeKind(node: TS.Node): string {
  if (ts.isClassDeclaration(node)) return "a class";
  if (ts.isInterfaceDeclaration(node)) return "an interface";
  if (ts.isTypeAliasDeclaration(node)) return "a type alias";
  if (ts.isEnumDeclaration(node)) return "an enum";
  if (ts.isImportDeclaration(node)) return "an import";
  return "a statement";
}

function bodyRange(fn: ExampleFunction, sourceFile: TS.SourceFile) {
  const body = fn.body!;
  if (ts.isBlock(body)) return { bodyStart: body.getStart(sourceFile) + 1, bodyEnd: body.getEnd() - 1 };
  return { bodyStart: body.getStart(sourceFile), bodyEnd: body.getEnd() };
}

/** Every `/** ... *\/` comment in the file that has an `@example` tag, by start offset. */
function exampleDocComments(
  sourceFile: TS.SourceFile,
  place: (position: number) => { line: number; column: number },
): { docComments: Map<number, DocComment>; typos: Array<{ line: number; column: number; message: string }> } {
  const found = new Map<number, DocComment>();
  const typos: Array<{ line: number; column: number; message: string }> = [];
  const text = sourceFile.text;
  if (!text.includes("/**")) return { docComments: found, typos };
  // comments that lead a top-level statement are comments for sure; any other `/**` may sit in
  // a string, which only a walk of the tree tells (done once, and only if needed)
  const leading = new Set(sourceFile.statements.flatMap((statement) => ts.getLeadingCommentRanges(text, statement.pos)?.map((range) => range.pos) ?? []));
  let literals: Array<[number, number]> | undefined;
  for (const match of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    const start = match.index;
    // a comment with no tag that looks like `@example` is not one of ours: not parsed
    const named = match[0].includes("@example") || [...match[0].matchAll(/@([A-Za-z][\w-]*)/g)].some(([, name]) => isExampleTagTypo(name!));
    if (!named) continue;
    if (!leading.has(start) && (literals ??= literalRanges(sourceFile)).some(([from, to]) => start >= from && start < to)) continue;
    const comment = parseDocComment(match[0], place(start).line, place(start).column);
    if (comment.tags.some((tag) => tag.name === "example")) {
      // its other tags, misspellings included, are checked with the example's (parseExpectations)
      found.set(start, comment);
      continue;
    }
    for (const tag of comment.tags) {
      if (isExampleTagTypo(tag.name)) typos.push({ line: tag.line, column: tag.column, message: `unknown tag @${tag.name}; did you mean @example? (the function is not an example until the tag is spelled \`@example\`)` });
    }
  }
  return { docComments: found, typos };
}

/** Offsets of string, template and regex literals, where `/**` is text and not a comment. */
function literalRanges(sourceFile: TS.SourceFile): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const visit = (node: TS.Node) => {
    if (ts.isStringLiteralLike(node) || ts.isRegularExpressionLiteral(node) || ts.isTemplateLiteralToken(node)) {
      ranges.push([node.getStart(sourceFile), node.getEnd()]);
      return;
    }
    if (ts.isTemplateExpression(node)) {
      ranges.push([node.head.getStart(sourceFile), node.head.getEnd()]);
      for (const span of node.templateSpans) ranges.push([span.literal.getStart(sourceFile), span.literal.getEnd()]);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return ranges;
}
