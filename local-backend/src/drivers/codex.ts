/**
 * The OpenAI Codex CLI driver: `codex exec --json`, one process per request (see
 * one-shot-cli.ts), locked down to text generation (see CODEX_LOCKDOWN), the system prompt as
 * the model instructions file, the prompt on stdin, the author's login (`auth.json`) copied into
 * a sterile CODEX_HOME. `AW_CODEX_BASE_URL` points it at another Responses API (a LAN gateway, the
 * mock in tests); its key then comes from OPENAI_API_KEY.
 */

import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { isLocalUpstream } from './claude.ts';
import { type LineTranslator, OneShotDriver, type OneShotOptions, OneShotTranslator, parseLine } from './one-shot-cli.ts';
import type { CostKind, DriverEvent, GenerateRequest, ModelInfo, Usage } from './types.ts';

export interface CodexDriverOptions extends OneShotOptions {
	/** A Responses API base URL (`…/v1`) instead of the login's own. */
	baseUrl?: string;
}

export const CODEX_MODELS: ModelInfo[] = [
	{ id: 'gpt-5.5', display_name: 'GPT-5.5 (Codex)' },
	{ id: 'gpt-5.4', display_name: 'GPT-5.4 (Codex)' },
	{ id: 'gpt-5.4-mini', display_name: 'GPT-5.4 mini (Codex)' },
	{ id: 'gpt-5-codex', display_name: 'GPT-5 Codex' },
	{ id: 'gpt-5', display_name: 'GPT-5 (Codex)' },
];

/**
 * Measured with codex-cli 0.171.0 against the mock Responses API: with these, the request offers
 * the model one tool only, `request_user_input` (a question nobody can answer in `exec`; it reads
 * nothing), no shell, no file or image access, no web search, no MCP, no plugins or apps.
 * `--ignore-user-config` and `--ignore-rules`: no config.toml or exec rules of the author's;
 * `--ephemeral`: no session files; `-s read-only`: even a command that got through could not write.
 */
export const CODEX_LOCKDOWN: readonly string[] = [
	'--skip-git-repo-check',
	'--ephemeral',
	'--ignore-user-config',
	'--ignore-rules',
	'-s', 'read-only',
	...[ 'shell_tool', 'unified_exec', 'view_image', 'goals', 'multi_agent', 'apps', 'plugins', 'shell_snapshot', 'memories', 'hooks', 'image_generation', 'browser_use', 'computer_use', 'tool_suggest', 'skill_search', 'sleep_tool' ].flatMap( ( f ) => [ '--disable', f ] ),
	'-c', 'web_search="disabled"',
	'-c', 'include_environment_context=false',
	'-c', 'include_permissions_instructions=false',
	'-c', 'include_apps_instructions=false',
	'-c', 'analytics.enabled=false',
	'-c', 'check_for_update_on_startup=false',
];

const toml = ( value: string ) => JSON.stringify( value );

export const NO_SYSTEM_PROMPT = 'You are a helpful assistant.';

export function codexArgs( model: string, systemFile: string, baseUrl?: string ): string[] {
	const provider = baseUrl
		? [ '-c', 'model_provider="aw"', '-c', `model_providers.aw={name="aw",base_url=${ toml( baseUrl ) },env_key="OPENAI_API_KEY",wire_api="responses"}` ]
		: [];
	return [ 'exec', '--json', ...CODEX_LOCKDOWN, ...provider, '-c', `model_instructions_file=${ toml( systemFile ) }`, '-m', model, '-' ];
}

class CodexTranslator extends OneShotTranslator {
	constructor( model: string, costKind: CostKind ) {
		super( model, costKind, 'codex', 'run `codex login` once, or set OPENAI_API_KEY' );
	}

	feed( line: string ): DriverEvent[] {
		const msg = parseLine( line );
		const item = ( msg?.item ?? {} ) as Record<string, unknown>;
		switch ( msg?.type ) {
			case 'item.completed':
				// `error` items are warnings (unknown model metadata, ignored settings): not output.
				return item.type === 'agent_message' && typeof item.text === 'string' ? [ ...this.start(), { type: 'text', text: item.text } ] : [];
			case 'error':
				this.lastError = String( msg.message ?? '' );
				return [];
			case 'turn.failed':
				throw this.error( String( ( msg.error as { message?: unknown } | undefined )?.message ?? this.lastError ) );
			case 'turn.completed': {
				this.finished = true;
				const u = ( msg.usage ?? {} ) as Record<string, number>;
				const cached = u.cached_input_tokens ?? 0;
				const usage: Usage = { input_tokens: Math.max( 0, ( u.input_tokens ?? 0 ) - cached ), output_tokens: u.output_tokens ?? 0, cache_creation_input_tokens: u.cache_write_input_tokens ?? 0, cache_read_input_tokens: cached };
				// The CLI reports no cost: null, never a made-up 0.
				return [ ...this.start(), { type: 'end', stopReason: 'end_turn', usage, costUsd: null, costKind: this.costKind } ];
			}
			default:
				return [];
		}
	}

}

export class CodexDriver extends OneShotDriver {
	readonly name = 'codex';
	protected readonly loginHint = 'install it (npm install -g @openai/codex), run `codex login`, or set AW_CODEX_BIN';

	constructor( private readonly codexOptions: CodexDriverOptions ) {
		super( codexOptions );
	}

	models(): ModelInfo[] {
		return CODEX_MODELS;
	}

	resolveModel( model: string ): string | undefined {
		return CODEX_MODELS.some( ( m ) => m.id === model ) || /^(gpt-\d[\w.-]*|o\d[\w.-]*|codex-[\w.-]+)$/.test( model ) ? model : undefined;
	}

	protected costKind(): CostKind {
		if ( isLocalUpstream( this.codexOptions.baseUrl ) ) {
			return 'local';
		}
		return this.env.OPENAI_API_KEY ? 'metered' : 'subscription';
	}

	protected translator( request: GenerateRequest ): LineTranslator {
		return new CodexTranslator( request.model, this.costKind() );
	}

	protected prepareHome( home: string, request: GenerateRequest ): { args: string[]; env: NodeJS.ProcessEnv } {
		const authorHome = this.env.CODEX_HOME ?? join( this.env.HOME ?? '', '.codex' );
		if ( existsSync( join( authorHome, 'auth.json' ) ) ) {
			copyFileSync( join( authorHome, 'auth.json' ), join( home, 'auth.json' ) );
		}
		// The file replaces codex's own coding-agent prompt. Codex refuses an empty (or blank) one,
		// so a request without a system prompt gets a neutral sentence instead of codex's own.
		const systemFile = join( home, 'system.md' );
		writeFileSync( systemFile, request.system.trim() === '' ? NO_SYSTEM_PROMPT : request.system );
		return { args: codexArgs( request.model, systemFile, this.codexOptions.baseUrl ), env: { ...this.env, CODEX_HOME: home, HOME: home } };
	}
}
