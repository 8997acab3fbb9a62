// marked-terminal imports cli-highlight (and with it every highlight.js language) at load
// time. Engram renders code blocks itself and loads the real highlighter after the first
// frame (src/tui/render/highlighter.ts), so marked-terminal gets this pass-through instead.
export function highlight(code) {
  return code;
}
export default { highlight };
