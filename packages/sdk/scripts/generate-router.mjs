#!/usr/bin/env node
/**
 * Writes src/generated/router.ts: the API's router type as plain, self-contained
 * declarations, so the published .d.ts names no @parley/* package and carries none of
 * the server's context (database, cache, logger types).
 *
 * It loads @parley/api's `AppRouter` with the TypeScript compiler, walks the router
 * record and prints every procedure's input and output structurally. Named DTOs from
 * the workspace (Listing, AssistantReply, SessionEvent, ...) are kept as named
 * declarations; zod-derived aliases are expanded; library types that are part of a
 * public contract (Date, Record, AsyncGenerator, tRPC's TrackedEnvelope) keep their
 * names. Anything else (an `any`, a function, a class from some other package) stops
 * the generation with the path where it was found: it would not be a publishable type.
 *
 *   node scripts/generate-router.mjs          write the file
 *   node scripts/generate-router.mjs --check  fail if the file is out of date
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outFile = path.join(root, 'src/generated/router.ts');
const check = process.argv.includes('--check');

const entry = path.join(root, 'scripts/.router-entry.ts');
const entrySource = `import type { AppRouter } from '@parley/api';
export type Record_ = AppRouter['_def']['record'];
export type Root_ = AppRouter['_def']['_config']['$types'];
`;

const configPath = path.join(root, 'tsconfig.json');
const config = ts.getParsedCommandLineOfConfigFile(
  configPath,
  {},
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  },
);
const host = ts.createCompilerHost(config.options);
const readFile = host.readFile.bind(host);
const fileExists = host.fileExists.bind(host);
host.readFile = (file) => (path.resolve(file) === entry ? entrySource : readFile(file));
host.fileExists = (file) => path.resolve(file) === entry || fileExists(file);
const program = ts.createProgram([entry], { ...config.options, noEmit: true }, host);

const errors = ts
  .getPreEmitDiagnostics(program)
  .filter((d) => d.category === ts.DiagnosticCategory.Error && d.file?.fileName.includes('/api/'));
if (errors.length) {
  console.error(ts.formatDiagnostics(errors.slice(0, 10), host));
  throw new Error('@parley/api does not type-check; the router type would be wrong');
}

const checker = program.getTypeChecker();
const entryFile = program.getSourceFile(entry);
const moduleSymbol = checker.getSymbolAtLocation(entryFile);
const exported = Object.fromEntries(
  checker.getExportsOfModule(moduleSymbol).map((s) => [s.name, checker.getDeclaredTypeOfSymbol(s)]),
);

/** Library types printed by name; the value says where a published .d.ts imports them from. */
const LIBRARY_NAMES = new Map([['TrackedEnvelope', '@trpc/server']]);
/** Library interfaces that are plain data but not exported publicly: spelled out. */
const STRUCTURAL_LIBRARY_INTERFACES = new Set(['TrackedData']);
const isLibFile = (file) => /[\\/]typescript[\\/]lib[\\/]lib\..*\.d\.ts$/.test(file);
const isWorkspaceFile = (file) => !file.includes('node_modules') && !isLibFile(file);

const declarations = new Map(); // name -> source text
const namesByType = new Map(); // ts.Type -> name
const pending = new Set();
const libraryImports = new Set();

function declarationFile(symbol) {
  return symbol?.declarations?.[0]?.getSourceFile().fileName ?? '';
}

// Exported aliases of the validators package (SearchFacts = z.infer<...>) are known by name
// even though the checker only sees zod's instantiation.
for (const file of program.getSourceFiles()) {
  if (!/packages[\\/]validators[\\/]src[\\/]/.test(file.fileName)) continue;
  const symbol = checker.getSymbolAtLocation(file);
  if (!symbol) continue;
  for (const s of checker.getExportsOfModule(symbol)) {
    if (!(s.flags & ts.SymbolFlags.TypeAlias)) continue;
    const decl = s.declarations?.[0];
    if (!decl || decl.typeParameters?.length) continue;
    const type = checker.getDeclaredTypeOfSymbol(s);
    if (!namesByType.has(type)) namesByType.set(type, s.name);
  }
}

/** Server-side names that read better with the SDK's prefix. */
const RENAMES = new Map([['ErrorData', 'ParleyErrorData']]);
const publicName = (name) => RENAMES.get(name) ?? name;

function fail(where, message) {
  throw new Error(`router type at ${where.join('.')}: ${message}`);
}

function propertyName(name) {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

/** Registers a named workspace declaration for emission, returning its name. */
function named(name, emit) {
  if (!declarations.has(name) && !pending.has(name)) {
    pending.add(name);
    declarations.set(name, emit());
    pending.delete(name);
  }
  return name;
}

function objectLiteral(type, where, depth, withDocs = false) {
  const parts = [];
  for (const prop of checker.getPropertiesOfType(type)) {
    const decl = prop.valueDeclaration ?? prop.declarations?.[0];
    const optional = (prop.flags & ts.SymbolFlags.Optional) !== 0;
    const readonly =
      decl && ts.getCombinedModifierFlags(decl) & ts.ModifierFlags.Readonly ? 'readonly ' : '';
    const propType = checker.getTypeOfSymbol(prop);
    const doc = withDocs && ts.displayPartsToString(prop.getDocumentationComment(checker)).trim();
    const comment = doc ? `\n/** ${doc.replace(/\*\//g, '*\\/').replace(/\n/g, ' ')} */\n` : '';
    parts.push(
      `${comment}${readonly}${propertyName(prop.name)}${optional ? '?' : ''}: ${print(propType, [...where, prop.name], depth + 1)};`,
    );
  }
  for (const info of checker.getIndexInfosOfType(type)) {
    const key = print(info.keyType, [...where, '[key]'], depth + 1);
    parts.push(
      `${info.isReadonly ? 'readonly ' : ''}[key: ${key}]: ${print(info.type, [...where, '[key]'], depth + 1)};`,
    );
  }
  if (checker.getSignaturesOfType(type, ts.SignatureKind.Call).length)
    fail(where, 'a function type is not a data type');
  if (checker.getSignaturesOfType(type, ts.SignatureKind.Construct).length)
    fail(where, 'a constructor type is not a data type');
  return parts.length ? `{ ${parts.join(' ')} }` : '{}';
}

function print(type, where, depth = 0) {
  if (depth > 40) fail(where, 'nested too deeply (a recursive type?)');
  const f = type.flags;
  if (f & ts.TypeFlags.Any) fail(where, 'is `any`; give it a real type in the api');
  if (f & ts.TypeFlags.Unknown) return 'unknown';
  if (f & ts.TypeFlags.Never) return 'never';
  if (f & ts.TypeFlags.Void) return 'void';
  if (f & ts.TypeFlags.Undefined) return 'undefined';
  if (f & ts.TypeFlags.Null) return 'null';
  if (f & ts.TypeFlags.String) return 'string';
  if (f & ts.TypeFlags.Number) return 'number';
  if (f & ts.TypeFlags.Boolean) return 'boolean';
  if (f & ts.TypeFlags.BigInt) return 'bigint';
  if (f & ts.TypeFlags.ESSymbol) return 'symbol';
  if (f & ts.TypeFlags.UniqueESSymbol) fail(where, 'a unique symbol cannot be published');
  if (f & ts.TypeFlags.StringLiteral) return JSON.stringify(type.value);
  if (f & ts.TypeFlags.NumberLiteral) return String(type.value);
  if (f & ts.TypeFlags.BooleanLiteral) return checker.typeToString(type);
  if (f & ts.TypeFlags.NonPrimitive) return 'object';
  if (f & ts.TypeFlags.TypeParameter) return type.symbol.name;

  const knownName = namesByType.get(type);
  if (knownName) {
    return named(knownName, () => `export type ${knownName} = ${structural(type, where, depth)};`);
  }

  // A type alias: workspace aliases stay named, library ones too when allowed.
  const alias = type.aliasSymbol;
  if (alias) {
    const file = declarationFile(alias);
    const args = type.aliasTypeArguments ?? [];
    const printedArgs = args.length
      ? `<${args.map((a, i) => print(a, [...where, `<${i}>`], depth + 1)).join(', ')}>`
      : '';
    if (LIBRARY_NAMES.has(alias.name) && !isWorkspaceFile(file)) {
      libraryImports.add(alias.name);
      return `${alias.name}${printedArgs}`;
    }
    if (isLibFile(file)) return `${alias.name}${printedArgs}`;
    if (isWorkspaceFile(file) && !args.length) {
      return named(
        alias.name,
        () => `export type ${alias.name} = ${structural(type, where, depth)};`,
      );
    }
    // Anything else (zod's inferred shapes, generic workspace aliases) is spelled out.
  }
  return structural(type, where, depth);
}

function structural(type, where, depth) {
  const f = type.flags;
  if (f & ts.TypeFlags.Union) {
    const members = type.types;
    // TypeScript stores `boolean` as `false | true`.
    const hasFalse = members.some(
      (m) => m.flags & ts.TypeFlags.BooleanLiteral && checker.typeToString(m) === 'false',
    );
    const hasTrue = members.some(
      (m) => m.flags & ts.TypeFlags.BooleanLiteral && checker.typeToString(m) === 'true',
    );
    const printed = [];
    for (const m of members) {
      if (hasFalse && hasTrue && m.flags & ts.TypeFlags.BooleanLiteral) {
        if (!printed.includes('boolean')) printed.push('boolean');
        continue;
      }
      printed.push(print(m, where, depth + 1));
    }
    return printed.length > 1 ? printed.map(wrapFunctionLike).join(' | ') : printed[0];
  }
  if (f & ts.TypeFlags.Intersection) {
    return type.types.map((m) => wrapUnion(print(m, where, depth + 1))).join(' & ');
  }
  if (!(f & ts.TypeFlags.Object)) fail(where, `unsupported type ${checker.typeToString(type)}`);

  if (checker.isTupleType(type)) {
    const elements = checker.getTypeArguments(type);
    const target = type.target;
    const parts = elements.map((e, i) => {
      const flag = target.elementFlags[i];
      const printed = print(e, [...where, `[${i}]`], depth + 1);
      if (flag & ts.ElementFlags.Rest) return `...${wrapUnion(printed)}[]`;
      return flag & ts.ElementFlags.Optional ? `${wrapUnion(printed)}?` : printed;
    });
    return `${target.readonly ? 'readonly ' : ''}[${parts.join(', ')}]`;
  }
  if (checker.isArrayType(type)) {
    const [element] = checker.getTypeArguments(type);
    const readonly = type.target?.symbol?.name === 'ReadonlyArray' ? 'readonly ' : '';
    return `${readonly}${wrapUnion(print(element, [...where, '[]'], depth + 1))}[]`;
  }

  const symbol = type.symbol;
  const file = declarationFile(symbol);
  const isInterfaceOrClass =
    symbol && symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.Class);
  if (isInterfaceOrClass) {
    const args = type.target ? checker.getTypeArguments(type) : [];
    const printedArgs = args.length
      ? `<${args.map((a, i) => print(a, [...where, `<${i}>`], depth + 1)).join(', ')}>`
      : '';
    if (isLibFile(file)) return `${symbol.name}${printedArgs}`;
    if (symbol.flags & ts.SymbolFlags.Class) fail(where, `class ${symbol.name} is not a data type`);
    if (STRUCTURAL_LIBRARY_INTERFACES.has(symbol.name)) return objectLiteral(type, where, depth);
    if (isWorkspaceFile(file)) {
      if (args.length) {
        // Generic workspace interfaces (Page<T>) are spelled out per use.
        return objectLiteral(type, where, depth);
      }
      return named(publicName(symbol.name), () => {
        const doc = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
        const comment = doc ? `/** ${doc.replace(/\n/g, ' ')} */\n` : '';
        return `${comment}export interface ${publicName(symbol.name)} ${objectLiteral(type, [symbol.name], 0, true)}`;
      });
    }
    fail(where, `interface ${symbol.name} from ${file} is not part of a publishable contract`);
  }
  return objectLiteral(type, where, depth);
}

function wrapUnion(text) {
  return /^[\w$.<>[\]"' ,|&-]*\|/.test(text) && !text.startsWith('{') ? `(${text})` : text;
}
function wrapFunctionLike(text) {
  return text.includes('=>') ? `(${text})` : text;
}

const PROCEDURE_KINDS = {
  query: 'TRPCQueryProcedure',
  mutation: 'TRPCMutationProcedure',
  subscription: 'TRPCSubscriptionProcedure',
};
const usedKinds = new Set();

function propertyType(type, name) {
  const prop = checker.getPropertyOfType(type, name);
  return prop ? checker.getTypeOfSymbol(prop) : undefined;
}

function record(type, where, indent) {
  const lines = [];
  for (const prop of checker.getPropertiesOfType(type)) {
    const value = checker.getTypeOfSymbol(prop);
    const def = propertyType(value, '_def');
    const pad = '  '.repeat(indent + 1);
    const isProcedure = def && propertyType(def, 'procedure');
    if (isProcedure) {
      const kindType = propertyType(def, 'type');
      const kind = kindType?.value;
      if (!PROCEDURE_KINDS[kind]) fail([...where, prop.name], 'unknown procedure kind');
      usedKinds.add(PROCEDURE_KINDS[kind]);
      const types = propertyType(def, '$types');
      const input = print(propertyType(types, 'input'), [...where, prop.name, 'input']);
      const output = print(propertyType(types, 'output'), [...where, prop.name, 'output']);
      lines.push(
        `${pad}${propertyName(prop.name)}: ${PROCEDURE_KINDS[kind]}<{ input: ${input}; output: ${output}; meta: object }>;`,
      );
    } else {
      lines.push(`${pad}${propertyName(prop.name)}: {`);
      lines.push(...record(value, [...where, prop.name], indent + 1));
      lines.push(`${pad}};`);
    }
  }
  return lines;
}

const recordLines = record(exported.Record_, ['AppRouter'], 0);
const errorShapeType = propertyType(exported.Root_, 'errorShape');
const errorShape = print(errorShapeType, ['errorShape']);
const transformer = print(propertyType(exported.Root_, 'transformer'), ['transformer']);
if (transformer !== 'true') throw new Error('the router must use a transformer (superjson)');

const trpcImports = ['TRPCBuiltRouter', ...[...usedKinds].sort(), ...libraryImports].sort();
const body = [
  '// Generated by scripts/generate-router.mjs from @parley/api. Do not edit by hand:',
  '// run `pnpm --filter @parley/sdk generate` (the build does it too).',
  '// biome-ignore-all lint/suspicious/noConfusingVoidType: tRPC types a procedure without input as void',
  `import type { ${trpcImports.join(', ')} } from '@trpc/server';`,
  '',
  ...[...declarations.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([, text]) => [text, '']),
  "/** What a failed call carries in `error.data` (see the api's errorFormatter). */",
  `export type ParleyErrorShape = ${errorShape};`,
  '',
  '/** Every procedure of the Parley API: inputs and outputs only, no server context. */',
  'export type ParleyRouterRecord = {',
  ...recordLines,
  '};',
  '',
  '/** The Parley API router type, as the SDK publishes it. */',
  'export type ParleyRouter = TRPCBuiltRouter<',
  '  { ctx: object; meta: object; errorShape: ParleyErrorShape; transformer: true },',
  '  ParleyRouterRecord',
  '>;',
  '',
].join('\n');

let text = body;
// Let biome format it when it is around, so the committed file reads well.
try {
  const { execFileSync } = await import('node:child_process');
  text = execFileSync(
    path.join(root, '../../node_modules/.bin/biome'),
    ['format', `--stdin-file-path=${outFile}`],
    { input: body, cwd: root, encoding: 'utf8', stdio: ['pipe', 'pipe', 'ignore'] },
  );
} catch {
  text = body;
}

if (check) {
  let current = '';
  try {
    current = readFileSync(outFile, 'utf8');
  } catch {}
  if (current !== text) {
    console.error(
      'src/generated/router.ts is out of date with @parley/api: run `pnpm --filter @parley/sdk generate`',
    );
    process.exit(1);
  }
  console.log('src/generated/router.ts is up to date');
} else {
  writeFileSync(outFile, text);
  console.log(
    `wrote src/generated/router.ts (${declarations.size} named types, ${recordLines.length} lines of router)`,
  );
}
