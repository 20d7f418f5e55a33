/**
 * The clarity task's answer: the JSON shape Task_Prompts::system('clarity') asks for, with
 * four questions that mention the brief, so the sidebar's Clarify tab has real content.
 */

import { excerptOf, topicOf } from './brief.ts';

export interface ClarityQuestion {
	question: string;
	why: string;
	options: string[];
}

export function clarityQuestions( brief: string ): ClarityQuestion[] {
	const topic = topicOf( brief );
	return [
		{
			question: `Who will read the post about “${ topic }”?`,
			why: `The brief (“${ excerptOf( brief ) }”) does not say; the audience decides what can be assumed and which words need explaining.`,
			options: [ 'Beginners', 'People with some experience', 'Experts and professionals' ],
		},
		{
			question: 'What should a reader be able to do after reading it?',
			why: 'One concrete outcome keeps every section pointed at the same goal.',
			options: [ 'Understand the basics', 'Follow a step-by-step how-to', 'Make a decision' ],
		},
		{
			question: 'Which angle should the post take?',
			why: 'A distinct angle sets the post apart from the many that already cover the topic.',
			options: [ 'Practical guide', 'Personal experience', 'Myths and facts', 'Comparison of options' ],
		},
		{
			question: 'How long should it be, and in which tone?',
			why: 'Length and tone decide how deep each section can go.',
			options: [ 'Short and friendly (about 600 words)', 'Practical (about 1,200 words)', 'Thorough (2,000 words or more)' ],
		},
	];
}

export function clarityReply( brief: string ): string {
	return JSON.stringify( { questions: clarityQuestions( brief ) } );
}
