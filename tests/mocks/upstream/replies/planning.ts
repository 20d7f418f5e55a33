/**
 * The planning task's answer: the JSON outline Task_Prompts::system('planning') asks for,
 * four sections whose headings the writing reply can be asked for one at a time.
 */

import { capitalized, excerptOf, topicOf } from './brief.ts';

export interface PlanSection {
	heading: string;
	points: string[];
}

export interface Plan {
	title: string;
	summary: string;
	sections: PlanSection[];
}

export function planFor( brief: string ): Plan {
	const topic = topicOf( brief );
	return {
		title: `${ capitalized( topic ) }: a practical guide`,
		summary: `An outline for “${ excerptOf( brief ) }”: why it matters, how it works, how to start and what to avoid.`,
		sections: [
			{
				heading: 'Why it matters',
				points: [ `Why ${ topic } deserves the reader’s time`, 'A short example from everyday practice', 'What the post will cover' ],
			},
			{
				heading: 'How it works',
				points: [ 'The two or three ideas everything else rests on', 'A simple model to remember them by', 'Where people usually get lost' ],
			},
			{
				heading: 'Getting started',
				points: [ 'What to prepare', 'The first three steps, in order', 'How to tell that it worked' ],
			},
			{
				heading: 'Mistakes to avoid',
				points: [ 'The most common mistake and its fix', 'A habit that saves time later', 'Where to learn more' ],
			},
		],
	};
}

export function planningReply( brief: string ): string {
	return JSON.stringify( planFor( brief ) );
}
