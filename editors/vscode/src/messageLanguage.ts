// The `locale` the extension sends in `initialize`, which decides the language of the server's
// messages. `vnea lsp` uses the client's locale when it is Vietnamese or English, else the
// workspace's `language` (vnea.toml; Vietnamese by default) — spec §9. The `vnea.language`
// setting chooses what VS Code says; pure, so test/messageLanguage.test.ts checks it.

/** The values of the `vnea.language` setting. */
export type MessageLanguage = 'editor' | 'workspace' | 'vi' | 'en';

/**
 * The locale to send: VS Code's display language for `editor` (the default), none for
 * `workspace` (so vnea.toml decides, as for `vnea check`), or the language itself. An unknown
 * value counts as the default.
 */
export function initializeLocale(setting: string | undefined, displayLanguage: string): string | undefined {
  switch (setting) {
    case 'workspace':
      return undefined;
    case 'vi':
    case 'en':
      return setting;
    default:
      return displayLanguage;
  }
}
