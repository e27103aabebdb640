import { styleText } from 'node:util';

type Format = Parameters<typeof styleText>[0];

/** styleText only when the stream is a terminal and NO_COLOR is unset (Node 20's styleText checks neither). */
export function styler(stream: NodeJS.WriteStream): (format: Format, text: string) => string {
  const color = stream.isTTY === true && !('NO_COLOR' in process.env && process.env.NO_COLOR !== '');
  return (format, text) => (color ? styleText(format, text) : text);
}
