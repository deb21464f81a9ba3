/** A labelled drop-down of a fixed set of values, each shown by its label. */
export function ChoiceField<T extends string>({
  label,
  className,
  value,
  choices,
  labels,
  onChange,
}: {
  label: string
  /** Classes added to the field, for its place in a row. */
  className?: string
  value: T
  choices: ReadonlyArray<T>
  labels: Readonly<Record<T, string>>
  onChange: (value: T) => void
}) {
  return (
    <label className={className ? `form__field ${className}` : 'form__field'}>
      <span>{label}</span>
      <select
        value={value}
        onChange={(event) => {
          const chosen = choices.find((choice) => choice === event.target.value)
          if (chosen !== undefined) onChange(chosen)
        }}
      >
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {labels[choice]}
          </option>
        ))}
      </select>
    </label>
  )
}
