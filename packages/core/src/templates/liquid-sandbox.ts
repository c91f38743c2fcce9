import type { FS, Liquid, LiquidOptions } from 'liquidjs';
import type { TemplateIssueCode } from './template-issue.ts';

/** Tags that read other templates (files): never allowed in campaign templates. */
export const FILE_TAGS = ['include', 'render', 'layout'] as const;

/** Template source longer than this is refused at parse (characters). */
export const PARSE_LIMIT = 64 * 1024;
/** One render may take this long in total (ms; Liquid checks it between tags). */
export const RENDER_LIMIT_MS = 250;
/** Allocation budget of one render: ranges, loops, joined strings (Liquid's own units ≈ characters/items). */
export const MEMORY_LIMIT = 200_000;

const FORBIDDEN_MARK = 'is not allowed in campaign templates';

/** Which issue a Liquid error is: a refused file tag, a sandbox limit, or `fallback` (syntax / runtime). */
export function issueCodeOf(message: string, fallback: 'SYNTAX' | 'RENDER'): TemplateIssueCode {
  if (message.includes(FORBIDDEN_MARK)) return 'FORBIDDEN_TAG';
  if (/limit exceeded/.test(message)) return 'TEMPLATE_LIMIT';
  return fallback;
}

const refuse = (): never => {
  throw new Error('campaign templates cannot read files');
};

/** A file system that holds nothing: even a bypassed file tag reads no file of the server. */
const NO_FILES: FS = {
  exists: async () => false,
  existsSync: () => false,
  readFile: async () => refuse(),
  readFileSync: refuse,
  resolve: (_dir, file) => file,
  contains: async () => false,
  containsSync: () => false,
  sep: '/',
  dirname: () => '',
};

/** Liquid options for templates written by users: no file system, bounded parse, render and memory. */
export const SANDBOX_OPTIONS: LiquidOptions = {
  fs: NO_FILES,
  root: [],
  partials: [],
  layouts: [],
  relativeReference: false,
  dynamicPartials: false,
  parseLimit: PARSE_LIMIT,
  renderLimit: RENDER_LIMIT_MS,
  memoryLimit: MEMORY_LIMIT,
};

/**
 * Replaces the file tags with ones that fail at parse with a clear message, so a template with
 * `{% include %}` is refused when it is saved, not when it is sent.
 */
export function refuseFileTags(liquid: Liquid): void {
  for (const name of FILE_TAGS)
    liquid.registerTag(name, {
      parse() {
        throw new Error(`{% ${name} %} ${FORBIDDEN_MARK} (템플릿에서 다른 파일을 불러올 수 없습니다)`);
      },
      render() {
        return refuse();
      },
    });
}
