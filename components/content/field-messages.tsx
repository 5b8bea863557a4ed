/** Every message of a field (a template can have several errors), one per line, for `Field`'s `error`. */
export function fieldMessages(messages: string[] | undefined) {
  if (!messages?.length) return undefined;
  if (messages.length === 1) return messages[0];
  return messages.map((message) => (
    <span key={message} className="block">
      {message}
    </span>
  ));
}
