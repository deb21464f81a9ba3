/** What went wrong, announced as it appears; nothing while `message` is null. */
export function FormError({ message }: { message: string | null }) {
  return message ? (
    <p className="form__error" role="alert">
      {message}
    </p>
  ) : null
}
