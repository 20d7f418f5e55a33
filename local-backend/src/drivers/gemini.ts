/**
 * The Gemini CLI driver: `gemini -o stream-json`, one process per request (see one-shot-cli.ts),
 * the prompt on stdin, the system prompt through GEMINI_SYSTEM_MD (it replaces the CLI's own),
 * a sterile HOME holding only our settings (no tools, no MCP, no extensions, no telemetry) and
 * the author's login files copied in. GOOGLE_GEMINI_BASE_URL and GEMINI_API_KEY reach it from
 * the environment (the mock in tests).
 */

import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { isLocalUpstream } from './claude.ts';
import { type LineTranslator, OneShotDriver, OneShotTranslator, parseLine } from './one-shot-cli.ts';
import type { CostKind, DriverEvent, GenerateRequest, ModelInfo, Usage } from './types.ts';

export const GEMINI_MODELS: ModelInfo[] = [
	{ id: 'gemini-2.5-pro', display_name: 'Gemini 2.5 Pro' },
	{ id: 'gemini-2.5-flash', display_name: 'Gemini 2.5 Flash' },
	{ id: 'gemini-2.5-flash-lite', display_name: 'Gemini 2.5 Flash-Lite' },
];

/** Every built-in tool of gemini-cli 0.61 (as offered upstream with no settings), excluded. */
export const GEMINI_TOOLS = [ 'update_topic', 'list_directory', 'read_file', 'read_many_files', 'grep_search', 'glob', 'replace', 'write_file', 'google_web_search', 'web_fetch', 'run_shell_command', 'save_memory', 'write_todos', 'exit_plan_mode', 'enter_plan_mode', 'invoke_agent', 'activate_skill' ];

/** `--approval-mode plan`: read-only even if a tool got through; `-e none`: no extension; `--skip-trust`: the empty temp working directory is trusted for this run only. */
export const GEMINI_LOCKDOWN: readonly string[] = [ '--approval-mode', 'plan', '--skip-trust', '-e', 'none' ];

export function geminiArgs( model: string ): string[] {
	return [ '-p', '', '-o', 'stream-json', ...GEMINI_LOCKDOWN, '-m', model ];
}

export function geminiSettings( authType: string ): Record<string, unknown> {
	return {
		security: { auth: { selectedType: authType } },
		mcpServers: {},
		tools: { exclude: GEMINI_TOOLS },
		skills: { enabled: false },
		telemetry: { enabled: false },
		privacy: { usageStatisticsEnabled: false },
		general: { disableAutoUpdate: true, disableUpdateNag: true },
	};
}

class GeminiTranslator extends OneShotTranslator {
	constructor( model: string, costKind: CostKind ) {
		super( model, costKind, 'gemini', 'run `gemini` once and sign in, or set GEMINI_API_KEY' );
	}

	feed( line: string ): DriverEvent[] {
		const msg = parseLine( line );
		switch ( msg?.type ) {
			case 'init':
				return this.start( typeof msg.model === 'string' ? msg.model : undefined );
			case 'message':
				return msg.role === 'assistant' && typeof msg.content === 'string' && msg.content !== '' ? [ ...this.start(), { type: 'text', text: msg.content } ] : [];
			case 'error':
				this.lastError = String( msg.message ?? ( msg.error as { message?: unknown } | undefined )?.message ?? '' );
				return [];
			case 'result': {
				if ( msg.status !== 'success' ) {
					throw this.error( String( ( msg.error as { message?: unknown } | undefined )?.message ?? this.lastError ) );
				}
				this.finished = true;
				const stats = ( msg.stats ?? {} ) as Record<string, number>;
				const cached = stats.cached ?? 0;
				const usage: Usage = { input_tokens: Math.max( 0, ( stats.input_tokens ?? 0 ) - cached ), output_tokens: stats.output_tokens ?? 0, cache_creation_input_tokens: 0, cache_read_input_tokens: cached };
				return [ ...this.start(), { type: 'end', stopReason: 'end_turn', usage, costUsd: null, costKind: this.costKind } ];
			}
			default:
				return [];
		}
	}

}

export class GeminiDriver extends OneShotDriver {
	readonly name = 'gemini';
	protected readonly loginHint = 'install it (npm install -g @google/gemini-cli), run `gemini` once and sign in, or set GEMINI_API_KEY; or set AW_GEMINI_BIN';

	models(): ModelInfo[] {
		return GEMINI_MODELS;
	}

	resolveModel( model: string ): string | undefined {
		return GEMINI_MODELS.some( ( m ) => m.id === model ) || /^gemini-[\w.-]+$/.test( model ) ? model : undefined;
	}

	protected costKind(): CostKind {
		if ( isLocalUpstream( this.env.GOOGLE_GEMINI_BASE_URL ) ) {
			return 'local';
		}
		return this.env.GEMINI_API_KEY ? 'metered' : 'subscription';
	}

	protected translator( request: GenerateRequest ): LineTranslator {
		return new GeminiTranslator( request.model, this.costKind() );
	}

	protected prepareHome( home: string, request: GenerateRequest ): { args: string[]; env: NodeJS.ProcessEnv } {
		const dotGemini = join( home, '.gemini' );
		mkdirSync( dotGemini );
		const authorDir = join( this.env.HOME ?? '', '.gemini' );
		for ( const file of [ 'oauth_creds.json', 'google_accounts.json' ] ) {
			if ( existsSync( join( authorDir, file ) ) ) {
				copyFileSync( join( authorDir, file ), join( dotGemini, file ) );
			}
		}
		const authType = this.env.GEMINI_API_KEY ? 'gemini-api-key' : 'oauth-personal';
		writeFileSync( join( dotGemini, 'settings.json' ), JSON.stringify( geminiSettings( authType ) ) );
		const systemFile = join( home, 'system.md' );
		writeFileSync( systemFile, request.system === '' ? ' ' : request.system );
		return { args: geminiArgs( request.model ), env: { ...this.env, HOME: home, GEMINI_SYSTEM_MD: systemFile, GEMINI_CLI_NO_RELAUNCH: 'true' } };
	}
}
