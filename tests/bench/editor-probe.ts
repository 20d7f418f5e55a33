// In-page probes for the editor benchmarks. These functions run inside the block editor page
// (page.evaluate), so they use only browser globals and keep their state on `window`.

/** What a probe saw, in the top window's performance.now() milliseconds. */
export interface ProbeResult {
	/** When the armed click reached the page (capture listener: before any React handler). */
	click: number;
	/** When a block in the editor canvas first held text. */
	firstText: number;
	/** Every long task (≥ 50 ms) of the top window and the canvas iframe since arming. */
	longTasks: Array< { start: number; duration: number } >;
}

interface ProbeState extends ProbeResult {
	stop: () => void;
}

type ProbeWindow = Window & typeof globalThis & { __awProbe?: ProbeState };

/**
 * Starts watching: the next click, the first text in the canvas's blocks, long tasks. The post
 * must be empty when armed (a new post's appender prompt is not a block, so it does not count).
 */
export function armProbe(): void {
	const top = window as ProbeWindow;
	top.__awProbe?.stop();
	const frame = document.querySelector< HTMLIFrameElement >( 'iframe[name="editor-canvas"]' );
	const canvas = frame?.contentDocument;
	const canvasWindow = frame?.contentWindow as ( Window & typeof globalThis ) | null | undefined;
	if ( ! canvas || ! canvasWindow ) {
		throw new Error( 'no editor canvas iframe (iframe[name="editor-canvas"])' );
	}
	const state: ProbeState = { click: NaN, firstText: NaN, longTasks: [], stop: () => undefined };
	const hasText = () =>
		Array.from( canvas.querySelectorAll( '[data-block]' ) ).some( ( block ) => ( block.textContent ?? '' ).replace( /[\s\uFEFF]/g, '' ) !== '' );
	const mutations = new MutationObserver( () => {
		if ( Number.isNaN( state.firstText ) && hasText() ) {
			state.firstText = performance.now();
			mutations.disconnect();
		}
	} );
	mutations.observe( canvas.body, { subtree: true, childList: true, characterData: true } );
	const onClick = () => {
		if ( Number.isNaN( state.click ) ) {
			state.click = performance.now();
		}
	};
	window.addEventListener( 'click', onClick, { capture: true } );
	// Each window has its own time origin: long tasks are moved onto the top window's clock.
	const observers = [ top, canvasWindow ].map( ( win ) => {
		const shift = win.performance.timeOrigin - performance.timeOrigin;
		const observer = new win.PerformanceObserver( ( list ) => {
			for ( const entry of list.getEntries() ) {
				state.longTasks.push( { start: entry.startTime + shift, duration: entry.duration } );
			}
		} );
		observer.observe( { type: 'longtask', buffered: true } );
		return observer;
	} );
	state.stop = () => {
		mutations.disconnect();
		window.removeEventListener( 'click', onClick, { capture: true } );
		observers.forEach( ( observer ) => observer.disconnect() );
	};
	top.__awProbe = state;
}

/** What the armed probe has seen so far. */
export function readProbe(): ProbeResult & { now: number } {
	const state = ( window as ProbeWindow ).__awProbe;
	if ( ! state ) {
		throw new Error( 'probe not armed' );
	}
	return { click: state.click, firstText: state.firstText, longTasks: [ ...state.longTasks ], now: performance.now() };
}

/** Whether the canvas's blocks hold text yet (for waitForFunction). */
export function probeSawText(): boolean {
	const state = ( window as ProbeWindow ).__awProbe;
	return state !== undefined && ! Number.isNaN( state.firstText );
}
