// The baseline for start-up: an esbuild-bundled Ink hello world, built like engram's bundle.
import { render, Text } from 'ink';

render(<Text>Hello from Ink</Text>);
setInterval(() => {}, 1000);
