/**
 * Internal dependencies
 */
import type { Usage } from '../stream/events';
import reducer, {
	INITIAL_STATE,
	IDLE_RUN,
	addUsage,
	type Action,
} from './reducer';
import type { State, Totals } from './types';

function run( actions: Action[], state: State = INITIAL_STATE ): State {
	return actions.reduce( reducer, state );
}

const ZERO: Totals = {
	requests: 0,
	tokens_prompt: 0,
	tokens_completion: 0,
	cost_usd: { metered: 0, estimated: 0, subscription: 0, local: 0 },
};

type TotalsChange = Omit< Partial< Totals >, 'cost_usd' > & {
	cost_usd?: Partial< Totals[ 'cost_usd' ] >;
};

const totals = ( over: TotalsChange = {} ): Totals => ( {
	...ZERO,
	...over,
	cost_usd: { ...ZERO.cost_usd, ...over.cost_usd },
} );

const METERED: Usage = {
	tokens_prompt: 100,
	tokens_completion: 250,
	cost_usd: 0.0012,
	cost_kind: 'metered',
};

const FALLBACK = {
	from: 'local_backend',
	to: 'openrouter',
	reason: 'connection_failed',
};

describe( 'reducer: a run', () => {
	it( 'starts idle for every task', () => {
		expect( Object.values( INITIAL_STATE.runs ) ).toHaveLength( 6 );
		for ( const state of Object.values( INITIAL_STATE.runs ) ) {
			expect( state ).toEqual( IDLE_RUN );
		}
	} );

	it( 'goes start → text → info → fallback → usage → done', () => {
		const started = run( [ { type: 'RUN_START', task: 'writing' } ] );
		expect( started.runs.writing.status ).toBe( 'running' );

		const answered = run(
			[
				{
					type: 'RUN_INFO',
					task: 'writing',
					info: {
						requestId: 'r1',
						provider: 'local_backend',
						model: 'sonnet',
					},
				},
				{ type: 'RUN_TEXT', task: 'writing', text: 'Hello ' },
				{ type: 'RUN_TEXT', task: 'writing', text: 'world' },
				{ type: 'RUN_FALLBACK', task: 'writing', fallback: FALLBACK },
				{ type: 'RUN_INFO', task: 'writing', info: { model: 'm/x' } },
				{ type: 'RUN_INFO', task: 'writing', info: { usage: METERED } },
			],
			started
		);
		expect( answered.runs.writing ).toEqual( {
			status: 'running',
			text: 'Hello world',
			info: {
				requestId: 'r1',
				// The fallback switched the provider to the one that answered.
				provider: 'openrouter',
				model: 'm/x',
				usage: METERED,
				fallbacks: [ FALLBACK ],
			},
			error: null,
			structured: null,
			structuredError: null,
		} );

		const done = reducer( answered, {
			type: 'RUN_DONE',
			task: 'writing',
			structured: { outline: [] },
			structuredError: null,
		} );
		expect( done.runs.writing ).toEqual( {
			...answered.runs.writing,
			status: 'done',
			structured: { outline: [] },
		} );
	} );

	it( 'keeps the provider on a fallback that does not say who took over, and collects every fallback', () => {
		const state = run( [
			{ type: 'RUN_START', task: 'chat' },
			{
				type: 'RUN_INFO',
				task: 'chat',
				info: { provider: 'local_backend' },
			},
			{
				type: 'RUN_FALLBACK',
				task: 'chat',
				fallback: { from: 'local_backend', reason: 'timeout' },
			},
			{ type: 'RUN_FALLBACK', task: 'chat', fallback: FALLBACK },
		] );
		expect( state.runs.chat.info?.provider ).toBe( 'openrouter' );
		expect( state.runs.chat.info?.fallbacks ).toEqual( [
			{ from: 'local_backend', reason: 'timeout' },
			FALLBACK,
		] );
	} );

	it( 'records a fallback that arrives before start', () => {
		const state = run( [
			{ type: 'RUN_START', task: 'chat' },
			{ type: 'RUN_FALLBACK', task: 'chat', fallback: FALLBACK },
		] );
		expect( state.runs.chat.info ).toEqual( {
			requestId: '',
			provider: 'openrouter',
			model: '',
			usage: null,
			fallbacks: [ FALLBACK ],
		} );
	} );

	it( 'stays in error when done follows the error', () => {
		const error = {
			code: 'upstream',
			message: 'Every provider failed.',
			retryable: true,
		};
		const state = run( [
			{ type: 'RUN_START', task: 'planning' },
			{ type: 'RUN_ERROR', task: 'planning', error },
			{
				type: 'RUN_DONE',
				task: 'planning',
				structured: null,
				structuredError: 'No outline came back.',
			},
		] );
		expect( state.runs.planning ).toMatchObject( {
			status: 'error',
			error,
			structuredError: 'No outline came back.',
		} );
	} );

	it( 'stops only a running run', () => {
		const running = run( [
			{ type: 'RUN_START', task: 'writing' },
			{ type: 'RUN_TEXT', task: 'writing', text: 'Partial' },
		] );
		const stopped = reducer( running, {
			type: 'RUN_STOPPED',
			task: 'writing',
		} );
		expect( stopped.runs.writing ).toEqual( {
			...running.runs.writing,
			status: 'stopped',
		} );

		for ( const finished of [
			reducer( running, {
				type: 'RUN_DONE',
				task: 'writing',
				structured: null,
				structuredError: null,
			} ),
			reducer( running, {
				type: 'RUN_ERROR',
				task: 'writing',
				error: { code: 'x', message: 'y', retryable: false },
			} ),
			INITIAL_STATE,
		] ) {
			const after = reducer( finished, {
				type: 'RUN_STOPPED',
				task: 'writing',
			} );
			expect( after.runs.writing ).toBe( finished.runs.writing );
		}
	} );

	it( 'starts a new run clean: no text, info or error of the last one', () => {
		const state = run( [
			{ type: 'RUN_START', task: 'chat' },
			{ type: 'RUN_TEXT', task: 'chat', text: 'Old' },
			{
				type: 'RUN_INFO',
				task: 'chat',
				info: { provider: 'openrouter' },
			},
			{
				type: 'RUN_ERROR',
				task: 'chat',
				error: { code: 'x', message: 'y', retryable: true },
			},
			{ type: 'RUN_START', task: 'chat' },
		] );
		expect( state.runs.chat ).toEqual( { ...IDLE_RUN, status: 'running' } );
	} );

	it( 'resets a run to idle', () => {
		const state = run( [
			{ type: 'RUN_START', task: 'refinement' },
			{ type: 'RUN_TEXT', task: 'refinement', text: 'x' },
			{ type: 'RUN_RESET', task: 'refinement' },
		] );
		expect( state.runs.refinement ).toEqual( IDLE_RUN );
	} );

	it( 'touches only the task it names', () => {
		const state = run( [
			{ type: 'RUN_START', task: 'writing' },
			{ type: 'RUN_TEXT', task: 'writing', text: 'Draft' },
			{ type: 'RUN_START', task: 'chat' },
			{ type: 'RUN_TEXT', task: 'chat', text: 'Hi' },
			{ type: 'RUN_STOPPED', task: 'chat' },
		] );
		expect( state.runs.writing ).toMatchObject( {
			status: 'running',
			text: 'Draft',
		} );
		expect( state.runs.chat ).toMatchObject( {
			status: 'stopped',
			text: 'Hi',
		} );
		expect( state.runs.planning ).toBe( INITIAL_STATE.runs.planning );
	} );
} );

describe( 'reducer: usage totals', () => {
	it( 'does nothing before the totals are loaded', () => {
		expect(
			reducer( INITIAL_STATE, { type: 'ADD_USAGE', usage: METERED } )
		).toBe( INITIAL_STATE );
	} );

	it( 'adds each answer to the post and today totals, by cost kind', () => {
		const state = run( [
			{
				type: 'RECEIVE_TOTALS',
				totals: {
					post: totals( {
						requests: 1,
						tokens_prompt: 10,
						cost_usd: { metered: 0.5 },
					} ),
					today: totals( {
						requests: 4,
						cost_usd: { metered: 1, subscription: 0.2 },
					} ),
				},
			},
			{ type: 'ADD_USAGE', usage: METERED },
			{
				type: 'ADD_USAGE',
				usage: {
					tokens_prompt: 5,
					tokens_completion: 7,
					cost_usd: 0.03,
					cost_kind: 'estimated',
				},
			},
			{
				type: 'ADD_USAGE',
				usage: {
					tokens_prompt: 1,
					tokens_completion: 2,
					cost_usd: 0.25,
					cost_kind: 'subscription',
				},
			},
			{
				type: 'ADD_USAGE',
				usage: {
					tokens_prompt: 3,
					tokens_completion: 4,
					cost_usd: null,
					cost_kind: 'local',
				},
			},
		] );

		expect( state.totals?.post ).toEqual( {
			requests: 5,
			tokens_prompt: 119,
			tokens_completion: 263,
			cost_usd: {
				metered: expect.closeTo( 0.5012, 10 ),
				estimated: expect.closeTo( 0.03, 10 ),
				subscription: expect.closeTo( 0.25, 10 ),
				local: 0,
			},
		} );
		expect( state.totals?.today ).toEqual( {
			requests: 8,
			tokens_prompt: 109,
			tokens_completion: 263,
			cost_usd: {
				metered: expect.closeTo( 1.0012, 10 ),
				estimated: expect.closeTo( 0.03, 10 ),
				subscription: expect.closeTo( 0.45, 10 ),
				local: 0,
			},
		} );
	} );

	it( 'adds to today only when there is no post total yet (an unsaved post)', () => {
		const state = run( [
			{ type: 'RECEIVE_TOTALS', totals: { post: null, today: ZERO } },
			{ type: 'ADD_USAGE', usage: METERED },
		] );
		expect( state.totals?.post ).toBeNull();
		expect( state.totals?.today.requests ).toBe( 1 );
	} );

	it( 'addUsage does not change the totals it is given', () => {
		const before = totals();
		const after = addUsage( before, METERED );
		expect( before ).toEqual( ZERO );
		expect( after.cost_usd.metered ).toBe( 0.0012 );
		expect( after.requests ).toBe( 1 );
	} );
} );

describe( 'reducer: tabs', () => {
	it( 'OPEN_TAB switches the tab and bumps tabRequest', () => {
		const once = reducer( INITIAL_STATE, {
			type: 'OPEN_TAB',
			tab: 'refine',
		} );
		expect( once.activeTab ).toBe( 'refine' );
		expect( once.tabRequest ).toBe( INITIAL_STATE.tabRequest + 1 );
		// Opening the tab that is already open is still a request (the toolbar asked again).
		const twice = reducer( once, { type: 'OPEN_TAB', tab: 'refine' } );
		expect( twice.tabRequest ).toBe( INITIAL_STATE.tabRequest + 2 );
	} );

	it( 'SET_TAB switches the tab without a request', () => {
		const state = reducer( INITIAL_STATE, {
			type: 'SET_TAB',
			tab: 'plan',
		} );
		expect( state.activeTab ).toBe( 'plan' );
		expect( state.tabRequest ).toBe( INITIAL_STATE.tabRequest );
	} );
} );

describe( 'reducer: the rest of the state', () => {
	it( 'clears an error when the data it was about arrives', () => {
		const routes = {
			chat: {
				provider: 'openrouter',
				label: 'OpenRouter',
				kind: 'cloud' as const,
				model: 'm/x',
				state: 'ready' as const,
				chain: [],
			},
		};
		const state = run( [
			{ type: 'ROUTES_ERROR', message: 'Could not load.' },
			{ type: 'RECEIVE_ROUTES', routes },
			{ type: 'CHAT_ERROR', message: 'Could not load the chat.' },
			{
				type: 'RECEIVE_CHAT',
				messages: [ { role: 'user', content: 'Hi' } ],
			},
		] );
		expect( state.routes ).toBe( routes );
		expect( state.routesError ).toBeNull();
		expect( state.chat ).toEqual( [ { role: 'user', content: 'Hi' } ] );
		expect( state.chatError ).toBeNull();
	} );

	it( 'returns the same state for an action it does not know', () => {
		expect(
			reducer( INITIAL_STATE, {
				type: 'SOMETHING_ELSE',
			} as unknown as Action )
		).toBe( INITIAL_STATE );
	} );
} );
