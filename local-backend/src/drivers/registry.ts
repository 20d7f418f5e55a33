/**
 * The CLI drivers this backend runs. Adding one: a driver file pair and a line here.
 */

import type { Config } from '../config.ts';
import { ClaudeDriver } from './claude.ts';
import type { Driver } from './types.ts';

export function createDrivers( config: Config, env: NodeJS.ProcessEnv = process.env ): Driver[] {
	return [
		new ClaudeDriver( { bin: config.claudeBin, poolSize: config.pool, timeoutMs: config.timeoutMs, stallMs: config.stallMs, env, reuse: config.reuse, reuseMaxRequests: config.reuseMaxRequests, reuseMaxMinutes: config.reuseMaxMinutes } ),
	];
}
