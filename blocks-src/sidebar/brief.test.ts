/**
 * Internal dependencies
 */
import { asBrief, briefContext, EMPTY_BRIEF, type Brief } from './brief';

const question = ( text: string ) => ( {
	question: text,
	why: 'Because.',
	options: [ 'A', 'B' ],
} );

const BRIEF: Brief = {
	brief: '  A post about green tea for beginners.  ',
	questions: [
		question( 'Who reads it?' ),
		question( 'How long?' ),
		question( 'Which tone?' ),
		question( 'Any sources?' ),
	],
	answers: [ 'Office workers', '', '  Friendly  ' ],
	outline: {
		title: 'Green tea 101',
		summary: 'What to buy and how to brew.',
		sections: [
			{ heading: 'Why green tea', points: [ 'taste', 'caffeine' ] },
			{ heading: 'Buying', points: [] },
			{ heading: 'Brewing', points: [ '80 °C', 'two minutes' ] },
		],
	},
};

describe( 'briefContext', () => {
	it( 'gives the brief, the answered questions and the outline in order', () => {
		expect( briefContext( BRIEF ) ).toBe(
			[
				'Brief: A post about green tea for beginners.',
				"The author's answers:\n- Who reads it? Office workers\n- Which tone? Friendly",
				'Outline of "Green tea 101":\n' +
					'1. Why green tea — taste; caffeine\n' +
					'2. Buying\n' +
					'3. Brewing — 80 °C; two minutes',
			].join( '\n\n' )
		);
	} );

	it( 'leaves out questions without an answer', () => {
		const context = briefContext( BRIEF );
		expect( context ).not.toContain( 'How long?' );
		expect( context ).not.toContain( 'Any sources?' );
	} );

	it( 'follows the outline order after sections are reordered', () => {
		const sections = [ ...BRIEF.outline!.sections ].reverse();
		const context = briefContext( {
			...BRIEF,
			outline: { ...BRIEF.outline!, sections },
		} );
		expect( context.indexOf( '1. Brewing' ) ).toBeGreaterThan( -1 );
		expect( context.indexOf( '2. Buying' ) ).toBeGreaterThan(
			context.indexOf( '1. Brewing' )
		);
		expect( context.indexOf( '3. Why green tea' ) ).toBeGreaterThan(
			context.indexOf( '2. Buying' )
		);
	} );

	it( 'gives an outline without a title and no brief on their own', () => {
		expect(
			briefContext( {
				...EMPTY_BRIEF,
				outline: {
					title: '',
					summary: '',
					sections: [ { heading: 'Only', points: [] } ],
				},
			} )
		).toBe( 'Outline:\n1. Only' );
	} );

	it( 'is empty for an empty brief', () => {
		expect( briefContext( EMPTY_BRIEF ) ).toBe( '' );
		expect( briefContext( { ...EMPTY_BRIEF, brief: '   ' } ) ).toBe( '' );
	} );
} );

describe( 'asBrief', () => {
	it( 'keeps a well-formed brief', () => {
		expect( asBrief( BRIEF ) ).toEqual( BRIEF );
	} );

	it.each( [ undefined, null, '', 'a string', 42, true, [] ] )(
		'gives the empty brief for %p',
		( junk ) => {
			expect( asBrief( junk ) ).toEqual( EMPTY_BRIEF );
		}
	);

	it( 'drops fields of the wrong type and keeps the rest', () => {
		expect(
			asBrief( {
				brief: 42,
				questions: 'not a list',
				answers: [ 'yes', 7, null ],
				outline: 'not an outline',
			} )
		).toEqual( {
			brief: '',
			questions: [],
			answers: [ 'yes', '7', 'null' ],
			outline: null,
		} );
	} );

	it( 'treats an outline without sections as no outline', () => {
		expect(
			asBrief( {
				brief: 'b',
				outline: { title: 'T', summary: 'S', sections: [] },
			} ).outline
		).toBeNull();
		expect(
			asBrief( { brief: 'b', outline: { title: 'T' } } ).outline
		).toBeNull();
		expect( asBrief( { brief: 'b', outline: null } ).outline ).toBeNull();
	} );

	it( 'fills in the missing parts of questions', () => {
		expect(
			asBrief( {
				questions: [
					{ question: 'Who?', options: [ 'a', 2 ] },
					{ why: 5, options: 'x' },
				],
			} ).questions
		).toEqual( [
			{ question: 'Who?', why: '', options: [ 'a', '2' ] },
			{ question: '', why: '5', options: [] },
		] );
	} );

	it( 'fills in the missing parts of an outline', () => {
		expect(
			asBrief( {
				outline: {
					sections: [
						{ heading: 'H', points: 'not a list' },
						{ points: [ 1, 'two' ] },
					],
				},
			} ).outline
		).toEqual( {
			title: '',
			summary: '',
			sections: [
				{ heading: 'H', points: [] },
				{ heading: '', points: [ '1', 'two' ] },
			],
		} );
	} );

	it( 'survives junk entries in the lists, keeping answers lined up with their questions', () => {
		const brief = asBrief( {
			brief: 'b',
			questions: [ null, question( 'Who reads it?' ), 'junk' ],
			answers: [ 'x', 'Office workers', 'y' ],
			outline: { sections: [ null, { heading: 'Intro', points: [] } ] },
		} );

		const blank = { question: '', why: '', options: [] };
		expect( brief.questions ).toEqual( [
			blank,
			question( 'Who reads it?' ),
			blank,
		] );
		expect( brief.outline?.sections ).toEqual( [
			{ heading: '', points: [] },
			{ heading: 'Intro', points: [] },
		] );
		// What the brief gives Plan and Write can be built from it.
		expect( briefContext( brief ) ).toContain(
			'- Who reads it? Office workers'
		);
		expect( briefContext( brief ) ).toContain( '2. Intro' );
	} );
} );
