/**
 * Markdown for the writing reply, chosen to exercise the sidebar's Markdown → blocks
 * conversion: every kind of block and inline mark a model writes, and the traps (a blank
 * line and a `##` line inside a fenced code block must stay code).
 */

const FENCE = '```';

/** One of each: paragraphs with inline marks, a bulleted list right before a numbered one, code, quote, table. */
export function showcaseBody(): string {
	return [
		'A good post makes **one clear promise** and keeps it. This draft stays *short and concrete*, points to ' +
			'[an example](https://example.com) and names the `draft_mode` setting where it matters.',
		'What makes the difference:',
		'- Know who you write for\n- Say one thing per paragraph\n- End with what to do next',
		'1. Outline the post\n2. Draft each section\n3. Read it aloud once',
		`${ FENCE }markdown\n# An outline kept as code\n\n## This line starts with ## but is code, not a heading\n- a point\n${ FENCE }`,
		'> A draft is finished when there is nothing left to take out.',
		'| Step | Time |\n| --- | --- |\n| Outline | 10 minutes |\n| Draft | 45 minutes |',
	].join( '\n\n' );
}

const PART_NAMES = [
	'Background',
	'The main idea',
	'A worked example',
	'Tools that help',
	'Common questions',
	'What the numbers say',
	'Going further',
	'Putting it together',
];

/** Body templates, cycled so a long draft keeps mixing block kinds. `n` keeps the parts apart. */
const PART_BODIES: ReadonlyArray<( n: number ) => string> = [
	( n ) =>
		`Part ${ n } starts from what the reader already knows. The **first step** is to name the problem in plain words, ` +
		'then show why the usual answer falls short. Keep the sentences short, keep the examples *close to daily work*, ' +
		'and leave out anything the reader would skip.\n\n' +
		'A second paragraph carries the detail: the `setting` that matters, the number that surprises, and a pointer to ' +
		'[further reading](https://example.com/further) for those who want the whole story. Every claim here could be checked.',
	( n ) =>
		`Part ${ n } collects what people ask for most often when they try this for the first time:\n\n` +
		'- A clear starting point that takes less than an hour\n' +
		'- One **measurable** result to aim for in the first week\n' +
		'- A short list of *things to ignore* for now\n' +
		'- Someone to ask when the plan stops working',
	( n ) =>
		`Part ${ n } puts the steps in the order that avoids most rework later on:\n\n` +
		'1. Write down the goal in one sentence\n' +
		'2. Gather the three facts the post cannot do without\n' +
		'3. Draft quickly, without editing as you go\n' +
		'4. Cut every paragraph that does not serve the goal',
	( n ) =>
		`Part ${ n } shows the idea as code, because a small example explains more than a long paragraph:\n\n` +
		`${ FENCE }js\n// Count the words of a draft.\nconst words = text.trim().split( /\\s+/ ).length;\n\n` +
		`## not a heading: the fence keeps this line as code\nconsole.log( words );\n${ FENCE }\n\n` +
		'Run it on a draft before and after editing: the difference is usually larger than expected.',
	( n ) =>
		`Part ${ n } leans on someone who has done this many times before:\n\n` +
		'> Write for one reader you can picture. Everyone else will follow along.\n\n' +
		'That advice sounds simple, yet it changes the tone of *every* paragraph. Try it on the next section and ' +
		'compare the two versions side by side.',
	( n ) =>
		`Part ${ n } compares the options side by side, so the choice is easy to make and easy to explain:\n\n` +
		'| Option | Effort | Result |\n| --- | --- | --- |\n' +
		'| Quick draft | Low | Good enough for a first pass |\n' +
		'| Careful outline | Medium | Fewer rewrites later |\n' +
		'| Full research | High | The most reliable post |',
];

/** Part `index` (0-based) of a long draft, under a heading of `level` (`##`, or `###` inside one section). */
export function longDraftPart( index: number, level: '##' | '###' ): string {
	const n = index + 2;
	const name = PART_NAMES[ index % PART_NAMES.length ] ?? 'More';
	const body = PART_BODIES[ index % PART_BODIES.length ] ?? PART_BODIES[ 0 ]!;
	return `${ level } Part ${ n }: ${ name }\n\n${ body( n ) }`;
}
