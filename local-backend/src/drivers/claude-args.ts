/**
 * How the Claude Code CLI is started: its arguments (the lockdown), its environment, and how a
 * prompt is written so the CLI never takes it for a command.
 */

/**
 * Child environment: inherited, plus what makes a request bounded and thinking-free unless the
 * user chose otherwise. `CLAUDE_CODE_DISABLE_ATTACHMENTS` is forced: without it an `@path` in the
 * prompt makes the CLI read that file (even with tools off and in safe mode) and send it upstream.
 */
export function childEnv( base: NodeJS.ProcessEnv, timeoutMs: number ): NodeJS.ProcessEnv {
	return {
		...base,
		CLAUDE_CODE_MAX_RETRIES: base.CLAUDE_CODE_MAX_RETRIES ?? '0',
		MAX_THINKING_TOKENS: base.MAX_THINKING_TOKENS ?? '0',
		CLAUDE_CODE_DISABLE_THINKING: base.CLAUDE_CODE_DISABLE_THINKING ?? '1',
		API_TIMEOUT_MS: base.API_TIMEOUT_MS ?? String( timeoutMs ),
		DISABLE_AUTOUPDATER: base.DISABLE_AUTOUPDATER ?? '1',
		CLAUDE_CODE_DISABLE_ATTACHMENTS: '1',
	};
}

/**
 * Nothing of the author's own Claude Code setup may run for a request (measured with the pinned
 * 2.1.197 and a HOME holding all of it, see test/lockdown.test.ts):
 * - `--safe-mode`: no CLAUDE.md, skills, plugins, hooks, MCP servers, custom commands, agents or
 *   output styles. Not `--bare`, which would also refuse the author's claude.ai login (OAuth).
 * - `--strict-mcp-config` with an empty `--mcp-config`: no MCP server from any source.
 * - `--setting-sources ""`: no user, project or local settings file (hooks, env, permission rules).
 * - `--disable-slash-commands`: a `/command` that got through would be refused, not run.
 * - `--permission-mode dontAsk`: nothing is ever asked; what is not pre-approved is denied.
 * - `--tools ""`: no built-in tool.
 */
export const LOCKDOWN_ARGS: readonly string[] = [
	'--safe-mode',
	'--strict-mcp-config',
	'--mcp-config', '{"mcpServers":{}}',
	'--setting-sources', '',
	'--disable-slash-commands',
	'--permission-mode', 'dontAsk',
	'--tools', '',
];

/**
 * `reusable`: the process serves several requests in sequence, cleared by a `/clear` line between
 * them. That needs slash commands on (with `--disable-slash-commands` the `/clear` line is answered
 * but clears nothing); commands in request text stay off because every user message goes through
 * `asPlainText`, and the start-up check (claude-reuse-check.ts) proves both against this CLI.
 */
export function cliArgs( model: string, reusable = false ): string[] {
	return [
		'-p',
		'--input-format', 'stream-json',
		'--output-format', 'stream-json',
		'--verbose',
		'--include-partial-messages',
		...( reusable ? LOCKDOWN_ARGS.filter( ( a ) => a !== '--disable-slash-commands' ) : LOCKDOWN_ARGS ),
		'--no-session-persistence',
		'--model', model,
	];
}

/**
 * The CLI takes a user message that starts with `/` as a command (with slash commands off it
 * answers "isn't available" instead of asking the model). One leading space makes it text and
 * is all the model sees of the change; any other prompt goes through exactly as written.
 */
/* Measured with 2.1.197 in stream-json input: only a message whose very first character is `/` is
 * a command; a leading space, tab or newline makes it text. */
export function asPlainText( prompt: string ): string {
	return prompt.startsWith( '/' ) ? ` ${ prompt }` : prompt;
}
