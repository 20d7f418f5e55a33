/**
 * WordPress dependencies
 */
import type { BlockInstance } from '@wordpress/blocks';

/**
 * Internal dependencies
 */
import type {
	BlockEditorDispatch,
	BlockEditorSelect,
	InsertionTarget,
} from './block-editor';
import { BlockStreamWriter } from './block-stream-writer';

interface Call {
	name: string;
	args: unknown[];
}

function block(
	clientId: string,
	name: string,
	attributes: Record< string, unknown >,
	innerBlocks: BlockInstance[] = []
): BlockInstance {
	return {
		clientId,
		name,
		isValid: true,
		attributes,
		innerBlocks,
	} as BlockInstance;
}

/**
 * A post's top-level blocks in memory, with the block editor's undo rule: a change starts an undo
 * level unless `__unstableMarkNextChangeAsNotPersistent` came right before it.
 *
 * @param initial Blocks already in the post.
 */
function fakeEditor( initial: BlockInstance[] ) {
	let blocks = [ ...initial ];
	const calls: Call[] = [];
	let undoLevels = 0;
	let notPersistent = false;

	const change = ( name: string, args: unknown[], apply: () => void ) => {
		calls.push( { name, args } );
		apply();
		if ( ! notPersistent ) {
			undoLevels++;
		}
		notPersistent = false;
	};
	const indexOf = ( id: string ) =>
		blocks.findIndex( ( b ) => b.clientId === id );

	const select: BlockEditorSelect = {
		getBlocks: () => blocks,
		getBlock: ( id ) => blocks.find( ( b ) => b.clientId === id ) ?? null,
		getBlockCount: () => blocks.length,
		getBlockIndex: indexOf,
		getBlockRootClientId: () => null,
		getSelectedBlockClientId: () => null,
		getSelectedBlockClientIds: () => [],
		getBlocksByClientId: ( ids ) =>
			ids.map(
				( id ) => blocks.find( ( b ) => b.clientId === id ) ?? null
			),
	};
	const dispatch: BlockEditorDispatch = {
		insertBlocks: ( inserted, index, ...rest ) =>
			change( 'insertBlocks', [ inserted, index, ...rest ], () => {
				blocks.splice( index ?? blocks.length, 0, ...inserted );
			} ),
		replaceBlocks: ( ids, replacement, ...rest ) =>
			change( 'replaceBlocks', [ ids, replacement, ...rest ], () => {
				const list = Array.isArray( ids ) ? ids : [ ids ];
				const at = indexOf( list[ 0 ]! );
				blocks = blocks.filter(
					( b ) => ! list.includes( b.clientId )
				);
				blocks.splice( at, 0, ...replacement );
			} ),
		removeBlocks: ( ids, ...rest ) =>
			change( 'removeBlocks', [ ids, ...rest ], () => {
				blocks = blocks.filter( ( b ) => ! ids.includes( b.clientId ) );
			} ),
		updateBlockAttributes: ( id, attributes ) =>
			change( 'updateBlockAttributes', [ id, attributes ], () => {
				const at = indexOf( id );
				const current = blocks[ at ]!;
				blocks[ at ] = block( id, current.name, {
					...current.attributes,
					...attributes,
				} );
			} ),
		multiSelect: ( ...args ) => change( 'multiSelect', args, () => {} ),
		selectBlock: ( ...args ) => change( 'selectBlock', args, () => {} ),
		__unstableMarkNextChangeAsNotPersistent: () => {
			calls.push( {
				name: '__unstableMarkNextChangeAsNotPersistent',
				args: [],
			} );
			notPersistent = true;
		},
	};

	return {
		select,
		dispatch,
		calls,
		undoLevels: () => undoLevels,
		blocks: () => blocks,
		/** What the post shows: `name: content` for each block. */
		contents: () =>
			blocks.map(
				( b ) =>
					`${ b.name.replace( 'core/', '' ) }: ${ String(
						b.attributes.content ?? b.attributes.values ?? ''
					) }`
			),
		/** The dispatched changes, without the not-persistent marks. */
		changes: () =>
			calls.filter(
				( c ) => c.name !== '__unstableMarkNextChangeAsNotPersistent'
			),
	};
}

/**
 * A stand-in for Markdown → blocks: one block per blank-line-separated part (a heading, a list
 * with one inner block per item, or a paragraph), each with a fresh client id.
 */
function fakeToBlocks() {
	let next = 0;
	const inputs: string[] = [];
	const toBlocks = ( markdown: string ): BlockInstance[] => {
		inputs.push( markdown );
		return markdown
			.split( /\n{2,}/ )
			.map( ( part ) => part.trim() )
			.filter( ( part ) => part !== '' )
			.map( ( part ) => {
				const id = `gen-${ ++next }`;
				const heading = /^(#{1,6}) (.*)$/.exec( part );
				if ( heading ) {
					return block( id, 'core/heading', {
						level: heading[ 1 ]!.length,
						content: heading[ 2 ],
					} );
				}
				if ( part.startsWith( '- ' ) ) {
					const items = part.split( '\n' ).map( ( line ) =>
						block( `${ id }-${ line }`, 'core/list-item', {
							content: line.slice( 2 ),
						} )
					);
					return block(
						id,
						'core/list',
						{
							values: items
								.map( ( i ) => i.attributes.content )
								.join( ',' ),
						},
						items
					);
				}
				return block( id, 'core/paragraph', { content: part } );
			} );
	};
	return { toBlocks, inputs };
}

/** A frame scheduler the test runs by hand. */
function frames() {
	const queue: Array< () => void > = [];
	return {
		schedule: ( flush: () => void ) => {
			queue.push( flush );
		},
		pending: () => queue.length,
		run: () => {
			for ( const flush of queue.splice( 0 ) ) {
				flush();
			}
		},
	};
}

const EXISTING = [
	block( 'before', 'core/paragraph', { content: 'Before.' } ),
	block( 'after', 'core/paragraph', { content: 'After.' } ),
];

function setup(
	target: InsertionTarget = { index: 1 },
	initial: BlockInstance[] = EXISTING
) {
	const editor = fakeEditor( initial );
	const convert = fakeToBlocks();
	const frame = frames();
	const writer = new BlockStreamWriter(
		editor.select,
		editor.dispatch,
		target,
		convert.toBlocks,
		frame.schedule
	);
	/**
	 * Pushes each piece and lets a frame pass after it.
	 *
	 * @param pieces Text as it arrives.
	 */
	const streamIn = ( pieces: string[] ) => {
		for ( const piece of pieces ) {
			writer.push( piece );
			frame.run();
		}
	};
	return { editor, convert, frame, writer, streamIn };
}

describe( 'BlockStreamWriter', () => {
	it( 'converts what arrived between two frames in one go, on the frame', () => {
		const { editor, convert, frame, writer } = setup();
		writer.push( 'Hel' );
		frame.run();
		const calls = editor.calls.length;
		const conversions = convert.inputs.length;

		writer.push( 'lo' );
		writer.push( ' wor' );
		writer.push( 'ld' );

		expect( frame.pending() ).toBe( 1 );
		expect( editor.calls ).toHaveLength( calls );
		expect( convert.inputs ).toHaveLength( conversions );

		frame.run();

		expect( convert.inputs.slice( conversions ) ).toEqual( [
			'Hello world',
		] );
		expect( editor.contents() ).toEqual( [
			'paragraph: Before.',
			'paragraph: Hello world',
			'paragraph: After.',
		] );
	} );

	it( 'makes its first change an ordinary insert at the target index', () => {
		const { editor, streamIn } = setup( { index: 1 } );

		streamIn( [ 'First' ] );

		expect( editor.calls ).toEqual( [
			{
				name: 'insertBlocks',
				args: [
					[ expect.objectContaining( { name: 'core/paragraph' } ) ],
					1,
					undefined,
					false,
				],
			},
		] );
		expect( editor.undoLevels() ).toBe( 1 );
	} );

	it( 'inserts into the target parent', () => {
		const { editor, streamIn } = setup( {
			index: 0,
			rootClientId: 'group-1',
		} );

		streamIn( [ 'Inside' ] );

		expect( editor.calls[ 0 ]!.args.slice( 1 ) ).toEqual( [
			0,
			'group-1',
			false,
		] );
	} );

	it( 'replaces the empty paragraph the author was in', () => {
		const initial = [
			EXISTING[ 0 ]!,
			block( 'empty', 'core/paragraph', { content: '' } ),
			EXISTING[ 1 ]!,
		];
		const { editor, streamIn, writer } = setup(
			{ index: 1, replaceClientId: 'empty' },
			initial
		);

		streamIn( [ 'Answer' ] );

		expect( editor.calls[ 0 ] ).toEqual( {
			name: 'replaceBlocks',
			args: [
				'empty',
				[ expect.objectContaining( { name: 'core/paragraph' } ) ],
			],
		} );
		writer.finish();
		expect( editor.contents() ).toEqual( [
			'paragraph: Before.',
			'paragraph: Answer',
			'paragraph: After.',
		] );
	} );

	it( 'marks every change after the first as not persistent: the whole generation is one undo level', () => {
		const { editor, writer, streamIn } = setup();

		streamIn( [
			'## Tea\n',
			'Green tea ',
			'is ',
			'mild.\n\n',
			'- one\n',
			'- two\n\n',
			'Black ',
			'tea is strong.',
		] );
		writer.finish();

		const changes = editor.changes();
		expect( changes.length ).toBeGreaterThan( 4 );
		expect( editor.calls[ 0 ]!.name ).toBe( 'insertBlocks' );
		editor.calls.forEach( ( call, i ) => {
			if (
				i > 0 &&
				call.name !== '__unstableMarkNextChangeAsNotPersistent'
			) {
				expect( [ i, editor.calls[ i - 1 ]!.name ] ).toEqual( [
					i,
					'__unstableMarkNextChangeAsNotPersistent',
				] );
			}
		} );
		expect( editor.undoLevels() ).toBe( 1 );
		expect( editor.contents() ).toEqual( [
			'paragraph: Before.',
			'heading: Tea',
			'paragraph: Green tea is mild.',
			'list: one,two',
			'paragraph: Black tea is strong.',
			'paragraph: After.',
		] );
	} );

	it( 'converts a finished block once: later frames re-parse only the tail', () => {
		const { convert, writer, streamIn } = setup();

		streamIn( [
			'First para',
			'graph.\n\n',
			'Second',
			' one',
			' grows.\n\n',
			'Third',
		] );
		writer.finish();

		const withFirst = convert.inputs.filter( ( input ) =>
			input.includes( 'First' )
		);
		const withSecond = convert.inputs.filter( ( input ) =>
			input.includes( 'Second' )
		);
		// Re-parsed while it was the tail, then converted once more as a finished block: never again.
		expect( withFirst ).toEqual( [ 'First para', 'First paragraph.\n\n' ] );
		expect( withSecond.slice( -1 ) ).toEqual( [ 'Second one grows.\n\n' ] );
		expect(
			convert.inputs.indexOf( 'Second one grows.\n\n' )
		).toBeGreaterThan( convert.inputs.indexOf( 'First paragraph.\n\n' ) );
		expect( convert.inputs.slice( -1 ) ).toEqual( [ 'Third' ] );
		// No input mixes a committed block with the text after it.
		for ( const input of convert.inputs ) {
			expect(
				input.includes( 'First' ) && input.includes( 'Second' )
			).toBe( false );
		}
	} );

	it( 'updates a growing one-paragraph tail in place, keeping its block', () => {
		const { editor, streamIn } = setup();

		streamIn( [ 'Hel', 'lo wor', 'ld' ] );

		expect( editor.calls ).toEqual( [
			{
				name: 'insertBlocks',
				args: [
					[ expect.objectContaining( { clientId: 'gen-1' } ) ],
					1,
					undefined,
					false,
				],
			},
			{ name: '__unstableMarkNextChangeAsNotPersistent', args: [] },
			{
				name: 'updateBlockAttributes',
				args: [ 'gen-1', { content: 'Hello wor' } ],
			},
			{ name: '__unstableMarkNextChangeAsNotPersistent', args: [] },
			{
				name: 'updateBlockAttributes',
				args: [ 'gen-1', { content: 'Hello world' } ],
			},
		] );
		expect( editor.blocks()[ 1 ] ).toMatchObject( {
			clientId: 'gen-1',
			attributes: { content: 'Hello world' },
		} );
	} );

	it( 'replaces the tail when a block finishes or the tail changes kind', () => {
		const { editor, streamIn } = setup();

		streamIn( [ 'Para', ' one\n\nTwo' ] );

		expect( editor.changes().map( ( c ) => c.name ) ).toEqual( [
			'insertBlocks',
			'replaceBlocks',
		] );
		expect( editor.changes()[ 1 ]!.args[ 0 ] ).toEqual( [ 'gen-1' ] );
		expect( editor.contents() ).toEqual( [
			'paragraph: Before.',
			'paragraph: Para one',
			'paragraph: Two',
			'paragraph: After.',
		] );
	} );

	it( 'commits the tail on finish(), once', () => {
		const { editor, convert, writer, streamIn, frame } = setup();

		streamIn( [ 'Para one.\n\n', 'Para two' ] );
		writer.finish();

		expect( convert.inputs.slice( -1 ) ).toEqual( [ 'Para two' ] );
		expect( editor.contents() ).toEqual( [
			'paragraph: Before.',
			'paragraph: Para one.',
			'paragraph: Para two',
			'paragraph: After.',
		] );
		const ids = editor
			.blocks()
			.slice( 1, 3 )
			.map( ( b ) => b.clientId );

		// A frame still pending, or finish() again, change nothing.
		const callsBefore = editor.calls.length;
		writer.push( '' );
		frame.run();
		writer.finish();
		expect( editor.calls ).toHaveLength( callsBefore );
		expect( writer.clientIds() ).toEqual( ids );
	} );

	it( 'commits text that arrived in the frame before finish()', () => {
		const { editor, frame, writer } = setup();

		writer.push( 'All at once.\n\n## Then a heading' );
		writer.finish();
		frame.run();

		expect( editor.contents() ).toEqual( [
			'paragraph: Before.',
			'paragraph: All at once.',
			'heading: Then a heading',
			'paragraph: After.',
		] );
		expect( editor.undoLevels() ).toBe( 1 );
	} );

	it( 'returns every block it generated from clientIds(), in order', () => {
		const { editor, writer, streamIn } = setup();

		const generated = () =>
			editor
				.blocks()
				.filter(
					( b ) => ! [ 'before', 'after' ].includes( b.clientId )
				)
				.map( ( b ) => b.clientId );

		streamIn( [ '## Title\n\nBody ', 'text.\n\n- a\n- b' ] );
		// While streaming: the committed blocks and the open tail.
		expect( generated() ).toHaveLength( 3 );
		expect( writer.clientIds() ).toEqual( generated() );

		writer.finish();

		expect( generated() ).toHaveLength( 3 );
		expect( writer.clientIds() ).toEqual( generated() );
	} );

	it( 'leaves out of clientIds() a block the author deleted', () => {
		const { editor, writer, streamIn } = setup();

		streamIn( [ 'One.\n\nTwo.\n\nThree.' ] );
		writer.finish();
		const [ first, second, third ] = writer.clientIds();
		editor.dispatch.removeBlocks( [ second! ] );

		expect( writer.clientIds() ).toEqual( [ first, third ] );
	} );

	it( 'discard() removes exactly the generated blocks', () => {
		const { editor, writer, streamIn } = setup();

		streamIn( [ 'One.\n\n', '## Two\n\nThree' ] );
		writer.finish();
		const generated = writer.clientIds();
		expect( generated ).toHaveLength( 3 );

		writer.discard();

		expect( editor.changes().slice( -1 ) ).toEqual( [
			{ name: 'removeBlocks', args: [ generated, false ] },
		] );
		expect( editor.contents() ).toEqual( [
			'paragraph: Before.',
			'paragraph: After.',
		] );
		expect( writer.clientIds() ).toEqual( [] );
	} );

	it( 'discard() mid-stream removes the tail too, and what was still pending never lands', () => {
		const { editor, frame, writer, streamIn } = setup();

		streamIn( [ 'Done block.\n\n', 'Open tail' ] );
		writer.push( ' and more' );
		writer.discard();
		frame.run();

		expect( editor.contents() ).toEqual( [
			'paragraph: Before.',
			'paragraph: After.',
		] );
	} );

	it( 'does nothing for an answer that is only whitespace', () => {
		const { editor, writer, streamIn } = setup();

		streamIn( [ '\n', '  \n\n' ] );
		writer.finish();

		expect( editor.calls ).toEqual( [] );
		expect( writer.clientIds() ).toEqual( [] );
	} );

	it( 'puts new blocks below the last committed one, even if the author moved things', () => {
		const { editor, writer, streamIn } = setup( { index: 0 } );

		streamIn( [ 'One.\n\n' ] );
		// The committed block is finished and the tail is empty: the next block is an insert.
		expect( editor.contents()[ 0 ] ).toBe( 'paragraph: One.' );
		// The author drags "One." below "Before.".
		const blocks = editor.blocks();
		blocks.splice( 0, 2, blocks[ 1 ]!, blocks[ 0 ]! );
		streamIn( [ 'Two.' ] );
		writer.finish();

		expect( editor.contents() ).toEqual( [
			'paragraph: Before.',
			'paragraph: One.',
			'paragraph: Two.',
			'paragraph: After.',
		] );
		expect( editor.undoLevels() ).toBe( 1 );
	} );
} );

describe( 'BlockStreamWriter pacing', () => {
	function paced( minIntervalMs: number ) {
		const editor = fakeEditor( EXISTING );
		const convert = fakeToBlocks();
		const frame = frames();
		const batches: number[] = [];
		const writer = new BlockStreamWriter(
			editor.select,
			editor.dispatch,
			{ index: 1 },
			convert.toBlocks,
			frame.schedule,
			( changes ) => {
				const before = editor.calls.length;
				changes();
				batches.push( editor.calls.length - before );
			},
			minIntervalMs
		);
		return { editor, frame, writer, batches };
	}

	it( 'puts the first words into the post at once, without waiting for a frame', () => {
		const { editor, frame, writer } = paced( 0 );
		writer.push( 'First words' );
		expect( editor.contents() ).toEqual( [
			'paragraph: Before.',
			'paragraph: First words',
			'paragraph: After.',
		] );
		expect( frame.pending() ).toBe( 0 );
		writer.push( ' and more' );
		expect( frame.pending() ).toBe( 1 );
	} );

	it( 'hands each frame’s changes to the batch as one (mark + change together)', () => {
		const { frame, writer, batches } = paced( 0 );
		writer.push( 'One' );
		writer.push( ' two' );
		frame.run();
		writer.push( '\n\nThree' );
		frame.run();
		// The first insert alone; then not-persistent mark and change in the same batch.
		expect( batches ).toEqual( [ 1, 2, 2 ] );
	} );

	it( 'commits a burst of finished blocks one a frame, in order, then shows the tail', () => {
		const { editor, frame, writer } = paced( 0 );
		writer.push( 'Start' );
		writer.push( ' one.\n\nTwo.\n\nThree.\n\nTail' );
		frame.run();
		expect( editor.contents() ).toEqual( [
			'paragraph: Before.',
			'paragraph: Start one.',
			'paragraph: After.',
		] );
		expect( frame.pending() ).toBe( 1 );
		frame.run();
		frame.run();
		expect( editor.contents() ).toEqual( [
			'paragraph: Before.',
			'paragraph: Start one.',
			'paragraph: Two.',
			'paragraph: Three.',
			'paragraph: Tail',
			'paragraph: After.',
		] );
		expect( frame.pending() ).toBe( 0 );
		writer.finish();
		expect( editor.undoLevels() ).toBe( 1 );
	} );

	it( 'finishes a long backlog a few blocks a frame, and resolves when all is in', async () => {
		const { editor, frame, writer } = paced( 0 );
		writer.push( 'Start.\n\n' );
		writer.push( 'B.\n\nC.\n\nD.\n\nE.\n\nF' );
		let done = false;
		const finished = writer.finish().then( () => {
			done = true;
		} );
		// One a step: not everything went in at once.
		expect( editor.contents().length ).toBeLessThan( 8 );
		while ( frame.pending() ) {
			frame.run();
		}
		await finished;
		expect( done ).toBe( true );
		expect( editor.contents() ).toEqual( [
			'paragraph: Before.',
			'paragraph: Start.',
			'paragraph: B.',
			'paragraph: C.',
			'paragraph: D.',
			'paragraph: E.',
			'paragraph: F',
			'paragraph: After.',
		] );
		expect( editor.undoLevels() ).toBe( 1 );
		expect( writer.clientIds() ).toHaveLength( 6 );
	} );

	it( 'updates the post at most once per interval, however many frames pass', () => {
		const now = jest.spyOn( performance, 'now' );
		try {
			let clock = 1000;
			now.mockImplementation( () => clock );
			const { editor, frame, writer } = paced( 100 );
			writer.push( 'Start' ); // first flush at t=1000
			writer.push( ' one' );
			clock = 1040;
			frame.run(); // too early: waits for another frame
			expect( editor.contents()[ 1 ] ).toBe( 'paragraph: Start' );
			expect( frame.pending() ).toBe( 1 );
			clock = 1101;
			frame.run();
			expect( editor.contents()[ 1 ] ).toBe( 'paragraph: Start one' );
			expect( frame.pending() ).toBe( 0 );
		} finally {
			now.mockRestore();
		}
	} );
} );
