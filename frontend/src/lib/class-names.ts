/** The class names that apply, joined: `cx(styles.button, primary && styles['button--primary'])`. */
export function cx(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}
