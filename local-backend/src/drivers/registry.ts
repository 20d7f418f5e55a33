/**
 * The CLI engines this backend can run, each optional: the ones named in AW_BACKEND_ENGINES are
 * created here and probed at start; /ping lists them all, requests use those whose CLI runs.
 * Adding one: a driver file pair and a line here.
 */

import type { Config, EngineName } from '../config.ts';
import { ClaudeDriver } from './claude.ts';
import { CodexDriver } from './codex.ts';
import { GeminiDriver } from './gemini.ts';
import type { Driver } from './types.ts';

const FACTORIES: Record<EngineName, ( config: Config, env: NodeJS.ProcessEnv ) => Driver> = {
	claude: ( config, env ) =>
		new ClaudeDriver( { bin: config.claudeBin, poolSize: config.pool, timeoutMs: config.timeoutMs, stallMs: config.stallMs, env, reuse: config.reuse, reuseMaxRequests: config.reuseMaxRequests, reuseMaxMinutes: config.reuseMaxMinutes } ),
	codex: ( config, env ) => new CodexDriver( { bin: config.codexBin, timeoutMs: config.timeoutMs, stallMs: config.stallMs, env, baseUrl: config.codexBaseUrl || undefined } ),
	gemini: ( config, env ) => new GeminiDriver( { bin: config.geminiBin, timeoutMs: config.timeoutMs, stallMs: config.stallMs, env } ),
};

export function createDrivers( config: Config, env: NodeJS.ProcessEnv = process.env ): Driver[] {
	return config.engines.map( ( engine ) => FACTORIES[ engine ]( config, env ) );
}
