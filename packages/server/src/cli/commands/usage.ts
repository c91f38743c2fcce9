/**
 * What `dalbit --help` shows after each command's name (`import [options] <file>`), for the
 * commands that are listed without loading their module. A test compares every entry with what
 * commander derives from the loaded command, so this list cannot drift from the real one.
 */
export const GROUP_USAGE: Readonly<Record<string, string>> = {
  init: '[options]',
  import: '[options] <file>',
  rfm: '[options]',
  stats: '[options]',
  demo: '[options]',
  serve: '[options]',
  dispatcher: '[options]',
  refresh: '[options]',
  migrate: '[options]',
  sync: '[options]',
};
