/**
 * Internal dependencies
 */
import type { Fallback, Usage } from '../stream/events';
import type {
	AnswerInfo,
	ChatMessage,
	ImageAnswer,
	PendingRewrite,
	RunError,
	RunState,
	State,
	TabName,
	TaskName,
	TaskRoute,
	Totals,
} from './types';
import { TASKS } from './types';

export type Action =
	| { type: 'SET_TAB'; tab: TabName }
	| { type: 'OPEN_TAB'; tab: TabName }
	| { type: 'RUN_START'; task: TaskName }
	| { type: 'RUN_TEXT'; task: TaskName; text: string }
	| { type: 'RUN_INFO'; task: TaskName; info: Partial< AnswerInfo > }
	| { type: 'RUN_FALLBACK'; task: TaskName; fallback: Fallback }
	| {
			type: 'RUN_DONE';
			task: TaskName;
			structured: Record< string, unknown > | null;
			structuredError: string | null;
	  }
	| { type: 'RUN_ERROR'; task: TaskName; error: RunError }
	| { type: 'RUN_STOPPED'; task: TaskName }
	| { type: 'RUN_RESET'; task: TaskName }
	| {
			type: 'RECEIVE_ROUTES';
			routes: Partial< Record< TaskName, TaskRoute > >;
	  }
	| { type: 'ROUTES_ERROR'; message: string }
	| { type: 'RECEIVE_TOTALS'; totals: { post: Totals | null; today: Totals } }
	| { type: 'ADD_USAGE'; usage: Usage }
	| { type: 'RECEIVE_CHAT'; messages: ChatMessage[] }
	| { type: 'CHAT_ERROR'; message: string }
	| { type: 'SET_WRITTEN'; clientIds: string[] }
	| { type: 'SET_REWRITE'; rewrite: PendingRewrite | null }
	| { type: 'SET_IMAGE'; image: ImageAnswer | null };

export const IDLE_RUN: RunState = {
	status: 'idle',
	text: '',
	info: null,
	error: null,
	structured: null,
	structuredError: null,
};

const EMPTY_INFO: AnswerInfo = {
	requestId: '',
	provider: '',
	model: '',
	usage: null,
	fallbacks: [],
};

export const INITIAL_STATE: State = {
	activeTab: 'chat',
	tabRequest: 0,
	runs: Object.fromEntries(
		TASKS.map( ( t ) => [ t, IDLE_RUN ] )
	) as State[ 'runs' ],
	routes: null,
	routesError: null,
	totals: null,
	chat: null,
	chatError: null,
	written: [],
	rewrite: null,
	image: null,
};

function updateRun(
	state: State,
	task: TaskName,
	update: ( run: RunState ) => RunState
): State {
	return {
		...state,
		runs: { ...state.runs, [ task ]: update( state.runs[ task ] ) },
	};
}

/**
 * Adds one answer's usage to a running total.
 * @param totals A running total.
 * @param usage  Tokens and cost of an answer.
 */
export function addUsage( totals: Totals, usage: Usage ): Totals {
	return {
		requests: totals.requests + 1,
		tokens_prompt: totals.tokens_prompt + usage.tokens_prompt,
		tokens_completion: totals.tokens_completion + usage.tokens_completion,
		cost_usd: {
			...totals.cost_usd,
			[ usage.cost_kind ]:
				totals.cost_usd[ usage.cost_kind ] + ( usage.cost_usd ?? 0 ),
		},
	};
}

export default function reducer(
	state: State = INITIAL_STATE,
	action: Action
): State {
	switch ( action.type ) {
		case 'SET_TAB':
			return { ...state, activeTab: action.tab };
		case 'OPEN_TAB':
			return {
				...state,
				activeTab: action.tab,
				tabRequest: state.tabRequest + 1,
			};
		case 'RUN_START':
			return updateRun( state, action.task, () => ( {
				...IDLE_RUN,
				status: 'running',
			} ) );
		case 'RUN_TEXT':
			return updateRun( state, action.task, ( run ) => ( {
				...run,
				text: run.text + action.text,
			} ) );
		case 'RUN_INFO':
			return updateRun( state, action.task, ( run ) => ( {
				...run,
				info: { ...( run.info ?? EMPTY_INFO ), ...action.info },
			} ) );
		case 'RUN_FALLBACK':
			return updateRun( state, action.task, ( run ) => {
				const info = run.info ?? EMPTY_INFO;
				return {
					...run,
					info: {
						...info,
						provider: action.fallback.to || info.provider,
						fallbacks: [ ...info.fallbacks, action.fallback ],
					},
				};
			} );
		case 'RUN_DONE':
			return updateRun( state, action.task, ( run ) => ( {
				...run,
				status: run.status === 'error' ? 'error' : 'done',
				structured: action.structured,
				structuredError: action.structuredError,
			} ) );
		case 'RUN_ERROR':
			return updateRun( state, action.task, ( run ) => ( {
				...run,
				status: 'error',
				error: action.error,
			} ) );
		case 'RUN_STOPPED':
			return updateRun( state, action.task, ( run ) =>
				run.status === 'running' ? { ...run, status: 'stopped' } : run
			);
		case 'RUN_RESET':
			return updateRun( state, action.task, () => IDLE_RUN );
		case 'RECEIVE_ROUTES':
			return { ...state, routes: action.routes, routesError: null };
		case 'ROUTES_ERROR':
			return { ...state, routesError: action.message };
		case 'RECEIVE_TOTALS':
			return { ...state, totals: action.totals };
		case 'ADD_USAGE':
			if ( ! state.totals ) {
				return state;
			}
			return {
				...state,
				totals: {
					post: state.totals.post
						? addUsage( state.totals.post, action.usage )
						: null,
					today: addUsage( state.totals.today, action.usage ),
				},
			};
		case 'RECEIVE_CHAT':
			return { ...state, chat: action.messages, chatError: null };
		case 'CHAT_ERROR':
			return { ...state, chatError: action.message };
		case 'SET_WRITTEN':
			return { ...state, written: action.clientIds };
		case 'SET_REWRITE':
			return { ...state, rewrite: action.rewrite };
		case 'SET_IMAGE':
			return { ...state, image: action.image };
	}
	return state;
}
