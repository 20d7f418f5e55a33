/**
 * Internal dependencies
 */
import type { Fallback, Usage } from '../stream/events';

export type TabName =
	'chat' | 'clarify' | 'plan' | 'write' | 'refine' | 'image';
export type TaskName =
	'chat' | 'clarity' | 'planning' | 'writing' | 'refinement' | 'image';

export const TASKS: TaskName[] = [
	'chat',
	'clarity',
	'planning',
	'writing',
	'refinement',
	'image',
];

export type RunStatus = 'idle' | 'running' | 'done' | 'error' | 'stopped';

/** Who answered and what it cost. */
export interface AnswerInfo {
	requestId: string;
	provider: string;
	model: string;
	usage: Usage | null;
	fallbacks: Fallback[];
}

export interface RunError {
	code: string;
	message: string;
	retryable: boolean;
	/** Set when the request failed before streaming (no `start` event gave it). */
	requestId?: string;
}

export interface RunState {
	status: RunStatus;
	text: string;
	info: AnswerInfo | null;
	error: RunError | null;
	structured: Record< string, unknown > | null;
	structuredError: string | null;
}

export type RouteState = 'ready' | 'breaker_open' | 'unconfigured';

export interface RouteStep {
	provider: string;
	label: string;
	kind: 'local' | 'cloud' | '';
	model: string;
	state: RouteState;
}

/** What serves a task now (GET editor/tasks). */
export interface TaskRoute extends RouteStep {
	message?: string;
	chain: RouteStep[];
}

export interface Totals {
	requests: number;
	tokens_prompt: number;
	tokens_completion: number;
	cost_usd: {
		metered: number;
		estimated: number;
		subscription: number;
		local: number;
	};
}

export interface ChatMeta {
	provider: string;
	model: string;
	tokens_prompt: number;
	tokens_completion: number;
	cost_usd: number | null;
	cost_kind: Usage[ 'cost_kind' ];
}

export interface ChatMessage {
	role: 'user' | 'assistant';
	content: string;
	at?: string;
	meta?: ChatMeta;
}

/** A rewrite waiting for Replace or Discard. */
export interface PendingRewrite {
	clientIds: string[];
	originalHtml: string;
}

export interface ImageAnswer {
	attachmentId: number;
	url: string;
	alt: string;
	featured: boolean;
	info: AnswerInfo;
}

export interface State {
	activeTab: TabName;
	/** Bumped when something outside the tabs (the block toolbar) opens one. */
	tabRequest: number;
	runs: Record< TaskName, RunState >;
	routes: Partial< Record< TaskName, TaskRoute > > | null;
	routesError: string | null;
	totals: { post: Totals | null; today: Totals } | null;
	chat: ChatMessage[] | null;
	chatError: string | null;
	written: string[];
	rewrite: PendingRewrite | null;
	image: ImageAnswer | null;
}
