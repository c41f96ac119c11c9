import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import id from '@/messages/id.json';
import { fieldMessageKeys } from '@/lib/forms/input-data';
import { negotiateLocale } from './config';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

const english = flatten(en as Tree);
const indonesian = flatten(id as Tree);

/** The arguments a message takes ("{balance}", "{count, plural, …}"), from ICU's own parser (it also refuses bad syntax). */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if ('value' in element && typeof element.value === 'string' && element.type !== TYPE.literal) names.add(element.value);
      if ('options' in element) for (const option of Object.values(element.options)) walk(option.value);
      if (element.type === TYPE.tag) walk(element.children);
    }
  };
  walk(parse(message));
  return [...names].sort();
}

describe('messages', () => {
  it('English and Indonesian have the same keys', () => {
    expect([...indonesian.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('no message is empty', () => {
    for (const [key, value] of [...english, ...indonesian]) expect(value.trim(), key).not.toBe('');
  });

  it('both languages take the same arguments', () => {
    for (const [key, value] of english) expect(argumentsOf(indonesian.get(key) ?? ''), key).toEqual(argumentsOf(value));
  });
});

const root = path.resolve(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [full] : [];
  });
}

/** Splits "a, f(b, c), d" at its top-level commas. */
function topLevel(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of list) {
    if ('([{'.includes(ch)) depth++;
    if (')]}'.includes(ch)) depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

const translator = /^(?:await\s+)?(?:useTranslations|getTranslations)\(\s*'([\w.]+)'\s*\)$/;

/** Variable name -> namespace, for `const t = useTranslations('ns')` and `const [x, t] = await Promise.all([…, getTranslations('ns')])`. */
function translatorsIn(source: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of source.matchAll(/const\s+(\w+)\s*=\s*((?:await\s+)?(?:useTranslations|getTranslations)\(\s*'[\w.]+'\s*\))/g)) {
    found.set(m[1]!, translator.exec(m[2]!)![1]!);
  }
  for (const m of source.matchAll(/const\s+\[([^\]]+)\]\s*=\s*await\s+Promise\.all\(\[([\s\S]*?)\]\);/g)) {
    const names = topLevel(m[1]!);
    const calls = topLevel(m[2]!);
    names.forEach((name, i) => {
      const ns = translator.exec(calls[i] ?? '')?.[1];
      if (ns) found.set(name, ns);
    });
  }
  return found;
}

describe('translation keys in code', () => {
  const files = ['app', 'components', 'lib'].flatMap((dir) => sourceFiles(path.join(root, dir)));
  const uses: { file: string; key: string }[] = [];
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    for (const [name, ns] of translatorsIn(source)) {
      const call = new RegExp(`\\b${name}(?:\\.rich|\\.markup)?\\(\\s*(['\`])((?:(?!\\1).)+)\\1`, 'g');
      for (const m of source.matchAll(call)) uses.push({ file: path.relative(root, file), key: `${ns}.${m[2]}` });
    }
  }

  it('finds the translations the store uses', () => {
    expect(uses.length).toBeGreaterThan(250);
  });

  it('every key used with t() exists in English', () => {
    const keys = [...english.keys()];
    const missing = uses.filter(({ key }) => {
      if (!key.includes('${')) return !english.has(key);
      // A key built at run time (`verticals.${slug}.title`) must match at least one message.
      const pattern = new RegExp(`^${key.split(/\$\{[^}]*\}/).map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')).join('[^.]+')}$`);
      return !keys.some((k) => pattern.test(k));
    });
    expect(missing).toEqual([]);
  });
});

describe('field validation messages', () => {
  it('every message of the field validator has a translation', () => {
    expect(Object.keys(en.fields).sort()).toEqual([...fieldMessageKeys].sort());
  });
});

describe('negotiateLocale', () => {
  it('picks Indonesian for id and the old in code, English otherwise', () => {
    expect(negotiateLocale('id-ID,id;q=0.9,en-US;q=0.8')).toBe('id');
    expect(negotiateLocale('in-ID')).toBe('id');
    expect(negotiateLocale('en-US,en;q=0.9')).toBe('en');
    expect(negotiateLocale('fr-FR,id;q=0.5,en;q=0.7')).toBe('en');
    expect(negotiateLocale('de, id;q=0.3')).toBe('id');
    expect(negotiateLocale(null)).toBe('en');
    expect(negotiateLocale('id;q=0')).toBe('en');
  });
});
