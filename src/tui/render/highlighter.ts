/**
 * Code highlighting, loaded after the first frame. cli-highlight brings highlight.js with
 * every language (over a megabyte of JavaScript), which would otherwise be parsed before the
 * first card could appear. Until it has loaded, code renders in the plain code style; the
 * review screen re-renders once it is ready.
 */
type CliHighlight = typeof import('cli-highlight');

let loaded: CliHighlight | null = null;
let loading: Promise<void> | null = null;

/** Starts loading the highlighter (once); resolves when highlighting is available. */
export function loadHighlighter(): Promise<void> {
  loading ??= import('cli-highlight').then((module) => {
    // Named exports when loaded as ESM from CommonJS; the exports object under `default` otherwise.
    const namespace = module as unknown as CliHighlight & { default?: unknown };
    loaded = typeof namespace.supportsLanguage === 'function' ? namespace : (namespace.default as unknown as CliHighlight);
  });
  return loading;
}

export function highlighterReady(): boolean {
  return loaded !== null;
}

/** Highlighted code, or null when the highlighter is not loaded or does not know the language. */
export function highlightIfReady(code: string, language: string, theme: import('cli-highlight').Theme): string | null {
  if (!loaded || !language || !loaded.supportsLanguage(language)) return null;
  try {
    return loaded.highlight(code, { language, theme, ignoreIllegals: true });
  } catch {
    return null;
  }
}
