/** Text typed in a textarea shown as paragraphs: a blank line (as browsers send it, CRLF or LF) starts a new one. */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/(?:\r?\n){2,}/)
        .filter((p) => p.trim())
        .map((p) => (
          <p>{p}</p>
        ))}
    </>
  );
}
