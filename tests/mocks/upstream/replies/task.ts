/**
 * Which Agentic Writer task a request is, recognized by the plugin's own system prompts
 * (plugin/src/Generation/Task_Prompts.php). The system text arrives unchanged from the PHP
 * providers and, behind the claude CLI's short preamble, through the local backend.
 */

export type TaskKind = 'clarity' | 'planning' | 'writing' | 'refinement';

/** A phrase only that task's system prompt contains. */
const MARKERS: ReadonlyArray<readonly [ TaskKind, string ]> = [
	[ 'clarity', '"questions":[' ],
	[ 'planning', '"sections":[' ],
	[ 'writing', 'write the requested part of the post in Markdown' ],
	[ 'refinement', 'rewrite the selected text' ],
];

/** The task whose marker appears first in the system text (the post's excerpt comes after it). */
export function detectTask( systemText: string ): TaskKind | undefined {
	let found: TaskKind | undefined;
	let at = Infinity;
	for ( const [ task, marker ] of MARKERS ) {
		const index = systemText.indexOf( marker );
		if ( index !== -1 && index < at ) {
			found = task;
			at = index;
		}
	}
	return found;
}
