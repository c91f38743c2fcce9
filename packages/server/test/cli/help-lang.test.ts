import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

describe('CLI help language', () => {
  it('is Korean by default and English with DALBIT_LANG=en (or --lang en on a command that takes it)', async () => {
    const ko = await runCli(['--help'], {});
    expect(ko.code).toBe(0);
    expect(ko.stdout).toContain('사용법: dalbit');
    expect(ko.stdout).toContain('명령:');
    // Help wraps descriptions at the terminal width, so phrases are compared with the breaks removed.
    const flat = (text: string) => text.replace(/\s+/g, ' ');
    expect(flat(ko.stdout)).toContain('통합 고객: 조회, 병합 목록, 병합 취소');
    expect(ko.stdout).toContain('도움말 보기');

    const en = await runCli(['--help'], { DALBIT_LANG: 'en' });
    expect(en.stdout).toContain('Usage: dalbit');
    expect(flat(en.stdout)).toContain('unified customers: show one, list merges, undo a merge');
    expect(en.stdout).not.toContain('사용법');

    const flag = await runCli(['segment', 'explain', '--lang', 'en', '--help'], {});
    expect(flag.stdout).toContain('Usage: dalbit segment explain');

    const sub = await runCli(['campaign', '--help'], {});
    expect(sub.stdout).toContain('사용법: dalbit campaign');
  });
});
