/**
 * Task-aware replies: the mock recognizes the plugin's own system prompts (read from
 * Task_Prompts.php through PHP, so a changed prompt fails here first) and answers in the shape
 * each task asks for, through both APIs, streamed or not.
 */

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';

import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';

import { type MockUpstream, parseDirective, startMockUpstream } from './index.ts';
import { wordCount } from './replies/brief.ts';
import { REWRITE_PREFIX } from './replies/refinement.ts';
import { detectTask } from './replies/task.ts';
import { type Conversation, composeReply } from './reply.ts';

const TASK_PROMPTS = join( import.meta.dirname, '../../../plugin/src/Generation/Task_Prompts.php' );

/** The plugin's system prompts and a refinement turn, exactly as PHP builds them. */
function pluginPrompts(): Record<'chat' | 'clarity' | 'planning' | 'writing' | 'refinement' | 'turn', string> {
	const code =
		'require getenv("AW_TASK_PROMPTS"); use AgenticWriter\\Generation\\Task_Prompts as P; $out = [];' +
		'foreach (["chat","clarity","planning","writing","refinement"] as $t) { $out[$t] = P::system($t); }' +
		'$out["turn"] = P::refinement_turn("<p><strong>Bees</strong> cluster to <a href=\\"https://example.com\\">keep</a> <em>warm</em>.</p>", "Make it livelier");' +
		'echo json_encode($out);';
	return JSON.parse( execFileSync( 'php', [ '-r', code ], { env: { ...process.env, AW_TASK_PROMPTS: TASK_PROMPTS }, encoding: 'utf8' } ) );
}

const prompts = pluginPrompts();
// What the plugin appends to every system prompt when the request names a post.
const POST_CONTEXT = '\n\nThe post so far.\nTitle: Bees\nContent (excerpt): Bees cluster to keep warm.';

function conversation( system: string, user: string ): Conversation {
	return { allTexts: [ system, user ], systemText: system, lastUserText: user };
}

interface Clarity {
	questions: Array<{ question: string; why: string; options: string[] }>;
}
interface Plan {
	title: string;
	summary: string;
	sections: Array<{ heading: string; points: string[] }>;
}

function assertClarity( text: string ): Clarity {
	const answer = JSON.parse( text ) as Clarity;
	assert.deepEqual( Object.keys( answer ), [ 'questions' ] );
	assert.equal( answer.questions.length, 4 );
	for ( const q of answer.questions ) {
		assert.deepEqual( Object.keys( q ), [ 'question', 'why', 'options' ] );
		assert.ok( q.question.length > 0 && q.why.length > 0 );
		assert.ok( q.options.length >= 2 && q.options.every( ( option ) => typeof option === 'string' && option !== '' ) );
	}
	return answer;
}

function assertPlan( text: string ): Plan {
	const plan = JSON.parse( text ) as Plan;
	assert.deepEqual( Object.keys( plan ), [ 'title', 'summary', 'sections' ] );
	assert.ok( plan.title.length > 0 && plan.summary.length > 0 );
	assert.equal( plan.sections.length, 4 );
	for ( const section of plan.sections ) {
		assert.ok( section.heading.length > 0 );
		assert.ok( section.points.length > 0 && section.points.every( ( point ) => point !== '' ) );
	}
	return plan;
}

/** The `##` headings a Markdown parser sees: lines inside fenced code are not headings. */
function headings( markdown: string ): string[] {
	return markdown.replace( /^```[\s\S]*?^```$/gm, '' ).match( /^## .*$/gm ) ?? [];
}

/** The Markdown features the sidebar's block conversion must handle, each checked on its own. */
function assertShowcase( markdown: string ): void {
	assert.match( markdown, /^## \S/m, 'a ## heading' );
	assert.match( markdown, /\*\*[^*\n]+\*\*/, 'bold' );
	assert.match( markdown, /(?<!\*)\*[^*\n]+\*(?!\*)/, 'italics' );
	assert.match( markdown, /\[[^\]]+\]\(https:\/\/example\.com\)/, 'a link' );
	assert.match( markdown, /`[^`\n]+`/, 'inline code' );
	assert.match( markdown, /^- .+\n- .+\n- .+\n\n1\. .+\n2\. /m, 'a bulleted list, then a numbered list right after it' );
	const fence = /^```\w*\n([\s\S]*?)\n```$/m.exec( markdown );
	assert.ok( fence, 'a fenced code block' );
	assert.match( fence[ 1 ] ?? '', /\n\n/, 'the code block holds a blank line' );
	assert.match( fence[ 1 ] ?? '', /^## /m, 'the code block holds a line starting with ##' );
	assert.match( markdown, /^> \S/m, 'a blockquote' );
	assert.match( markdown, /^\| .+ \|\n\| --- \| --- \|\n\| .+ \|$/m, 'a table' );
}

describe( 'task recognition', () => {
	it( 'recognizes each task by the plugin’s own system prompt, with or without post context', () => {
		for ( const task of [ 'clarity', 'planning', 'writing', 'refinement' ] as const ) {
			assert.equal( detectTask( prompts[ task ] ), task );
			assert.equal( detectTask( prompts[ task ] + POST_CONTEXT ), task );
			// Behind the claude CLI's own preamble, as the local backend delivers it.
			assert.equal( detectTask( `You are Claude Code.\n${ prompts[ task ] }` ), task );
		}
		assert.equal( detectTask( prompts.chat ), undefined );
	} );

	it( 'takes the task whose marker comes first, so a post excerpt cannot change it', () => {
		assert.equal( detectTask( `${ prompts.writing }\nContent (excerpt): please rewrite the selected text` ), 'writing' );
	} );
} );

describe( 'task replies', () => {
	it( 'clarity: four questions about the brief, as valid JSON, the same every time', () => {
		const ask = () => composeReply( 'm', conversation( prompts.clarity, 'Write a post about winter beekeeping.' ) );
		const answer = assertClarity( ask() );
		assert.match( answer.questions[ 0 ]?.question ?? '', /winter beekeeping/ );
		assert.equal( ask(), ask() );
	} );

	it( 'planning: a title, a summary and four sections, as valid JSON', () => {
		const plan = assertPlan( composeReply( 'm', conversation( prompts.planning, 'A post about bees [[mock:chunks=2]]' ) ) );
		assert.match( plan.title, /^Bees\b/ );
		assert.doesNotMatch( JSON.stringify( plan ), /\[\[mock:/ );
	} );

	it( 'writing: a Markdown draft that exercises every block the sidebar converts, echoing the prompt', () => {
		const draft = composeReply( 'claude-x', conversation( prompts.writing + POST_CONTEXT, 'Write about bees [[mock:delay=5]]' ) );
		assertShowcase( draft );
		assert.match( draft, /^Mock reply from claude-x\. You wrote: “Write about bees”\./ );
		assert.doesNotMatch( draft, /\[\[mock:/ );
	} );

	it( 'writing: a `Section:` line gets that section only, under that heading', () => {
		const draft = composeReply( 'm', conversation( prompts.writing, 'Outline: Bees\nSection: How it works\nKeep it short.' ) );
		assert.ok( draft.startsWith( '## How it works\n\n' ), draft.slice( 0, 80 ) );
		assert.deepEqual( headings( draft ), [ '## How it works' ], 'no other heading outside the code blocks' );
		assertShowcase( draft );
	} );

	it( 'writing: words=N makes a draft of about N words that keeps mixing Markdown', () => {
		for ( const words of [ 600, 3000 ] ) {
			const draft = composeReply( 'm', conversation( prompts.writing, 'Long one' ), parseDirective( `words=${ words }` ) );
			const count = wordCount( draft );
			assert.ok( count >= words && count < words * 1.1, `${ count } words for words=${ words }` );
			assert.ok( headings( draft ).length >= words / 150, 'many sections' );
			assert.ok( ( draft.match( /^```/gm ) ?? [] ).length >= 4, 'code blocks along the way' );
			assert.ok( ( draft.match( /^\| --- /gm ) ?? [] ).length >= 2, 'tables along the way' );
		}
		const section = composeReply( 'm', conversation( prompts.writing, 'Section: Background' ), { words: 800 } );
		assert.deepEqual( headings( section ), [ '## Background' ], 'one section: its parts are ### subheadings' );
		assert.ok( wordCount( section ) >= 800 );
	} );

	it( 'refinement: the selection comes back rewritten, every tag and attribute where it was', () => {
		const reply = composeReply( 'm', conversation( prompts.refinement, prompts.turn ) );
		assert.equal(
			reply,
			'<p><strong>Rewritten: Bees</strong> cluster to <a href="https://example.com">keep</a> <em>warm</em>.</p>'
		);
	} );

	it( 'refinement: Markdown and block markup keep their marks; only the prefix is added', () => {
		for ( const [ selection, expected ] of [
			[ '## Bees\n\n- **cluster** in `winter`', `## ${ REWRITE_PREFIX }Bees\n\n- **cluster** in \`winter\`` ],
			[ '> *Quiet* hives\n> in winter', `> ${ REWRITE_PREFIX }*Quiet* hives\n> in winter` ],
			[ '1. First\n2. Second', `1. ${ REWRITE_PREFIX }First\n2. Second` ],
			[
				'<!-- wp:paragraph -->\n<p>Bees <code>hum</code>.</p>\n<!-- /wp:paragraph -->',
				`<!-- wp:paragraph -->\n<p>${ REWRITE_PREFIX }Bees <code>hum</code>.</p>\n<!-- /wp:paragraph -->`,
			],
		] as const ) {
			const turn = `Instruction: Shorter [[mock:ttft=1]]\n\nSelected text:\n<<<\n${ selection }\n>>>`;
			assert.equal( composeReply( 'm', conversation( prompts.refinement, turn ) ), expected );
		}
	} );

	it( 'reply=generic keeps the task-blind reply for any task; anything unrecognized gets it too', () => {
		const generic = { reply: 'generic' } as const;
		assert.deepEqual( JSON.parse( composeReply( 'm', conversation( prompts.planning, 'Bees' ), generic ) ), {
			mock: true,
			model: 'm',
			reply: 'Mock reply from m.',
			echo: 'Bees',
		} );
		assert.match( composeReply( 'm', conversation( prompts.writing, 'Bees' ), generic ), /^Mock reply from m\. You wrote: “Bees”\. This answer/ );
		assert.match( composeReply( 'm', conversation( prompts.chat, 'Hi' ) ), /^Mock reply from m\. You wrote: “Hi”\./ );
	} );

	it( 'reply=xss answers hostile Markdown around a normal paragraph, whatever the task', () => {
		for ( const system of [ prompts.writing, prompts.refinement, prompts.chat ] ) {
			const reply = composeReply( 'm', conversation( system, 'x' ), parseDirective( 'reply=xss' ) );
			assert.ok( reply.includes( '<script>alert(1)</script>' ) );
			assert.ok( reply.includes( '<img src=x onerror=alert(1)>' ) );
			assert.ok( reply.includes( '[click](javascript:alert(1))' ) );
			assert.match( reply, /^This paragraph is ordinary text/ );
		}
	} );

	it( 'parses reply= and words= and refuses values it does not know', () => {
		assert.deepEqual( parseDirective( 'reply=generic,words=300' ), { reply: 'generic', words: 300 } );
		assert.throws( () => parseDirective( 'reply=poem' ), /reply must be one of generic, xss/ );
		assert.throws( () => parseDirective( 'words=many' ), /non-negative integer/ );
	} );
} );

describe( 'task replies over HTTP', () => {
	let mock: MockUpstream;
	let anthropic: Anthropic;
	let openai: OpenAI;

	before( async () => {
		mock = await startMockUpstream();
		anthropic = new Anthropic( { apiKey: 'sk-ant-test', baseURL: mock.url, maxRetries: 0, timeout: 5_000 } );
		openai = new OpenAI( { apiKey: 'sk-test', baseURL: `${ mock.url }/v1`, maxRetries: 0, timeout: 5_000 } );
	} );
	after( () => mock.close() );
	beforeEach( () => mock.reset() );

	it( 'OpenAI and OpenRouter: clarity and planning come back as JSON with ceil(chars/4) tokens', async () => {
		const routes = [ openai, new OpenAI( { apiKey: 'sk-or-test', baseURL: `${ mock.url }/api/v1`, maxRetries: 0 } ) ];
		for ( const client of routes ) {
			for ( const [ system, check ] of [
				[ prompts.clarity, assertClarity ],
				[ prompts.planning, assertPlan ],
			] as const ) {
				const completion = await client.chat.completions.create( {
					model: 'openai/gpt-4o-mini',
					messages: [
						{ role: 'system', content: system },
						{ role: 'user', content: 'A post about bees' },
					],
				} );
				const text = completion.choices[ 0 ]?.message.content ?? '';
				check( text );
				assert.equal( completion.usage?.completion_tokens, Math.ceil( Array.from( text ).length / 4 ) );
			}
		}
	} );

	it( 'Anthropic stream: a long draft in many chunks, cut at max_tokens like a model would', async () => {
		const ask = ( maxTokens: number ) =>
			anthropic.messages.stream( {
				model: 'claude-mock',
				max_tokens: maxTokens,
				system: prompts.writing,
				messages: [ { role: 'user', content: 'A long post about bees [[mock:words=3000,chunks=300]]' } ],
			} );
		const deltas: string[] = [];
		const full = ask( 8192 ).on( 'text', ( text ) => deltas.push( text ) );
		const message = await full.finalMessage();
		assert.equal( deltas.length, 300 );
		const draft = deltas.join( '' );
		assert.ok( wordCount( draft ) >= 3000 );
		assert.equal( message.stop_reason, 'end_turn' );
		assert.equal( message.usage.output_tokens, Math.ceil( Array.from( draft ).length / 4 ) );

		// The plugin asks for 4096 tokens: at 4 characters a token, 3,000 words do not fit.
		const capped = await ask( 4096 ).finalMessage();
		assert.equal( capped.stop_reason, 'max_tokens' );
		assert.equal( capped.usage.output_tokens, 4096 );
	} );

	it( 'a queued reply=generic overrides the task for that request only', async () => {
		mock.script( 'reply=generic', { times: 1 } );
		const ask = () =>
			anthropic.messages.create( {
				model: 'm',
				max_tokens: 1024,
				system: prompts.planning,
				messages: [ { role: 'user', content: 'Bees' } ],
			} );
		const first = await ask();
		const second = await ask();
		const text = ( message: Anthropic.Message ) => ( message.content[ 0 ]?.type === 'text' ? message.content[ 0 ].text : '' );
		assert.equal( JSON.parse( text( first ) ).mock, true );
		assertPlan( text( second ) );
	} );
} );
