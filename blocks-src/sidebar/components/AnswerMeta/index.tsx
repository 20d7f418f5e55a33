/**
 * WordPress dependencies
 */
import { useSelect } from '@wordpress/data';

/**
 * Internal dependencies
 */
import { formatCost, formatTokens, providerLabel } from '../../format';
import type { Usage } from '../../stream/events';
import { store } from '../../store';

interface Props {
	provider: string;
	model: string;
	usage: Usage | null;
}

/**
 * Who answered and what it cost, in plain text: "Anthropic · claude-… · 120 → 340 tokens · $0.0012".
 * @param root0          Props.
 * @param root0.provider Provider id.
 * @param root0.model    Model.
 * @param root0.usage    Tokens and cost, when known.
 */
export default function AnswerMeta( { provider, model, usage }: Props ) {
	const routes = useSelect(
		( select ) => select( store ).getTaskRoutes(),
		[]
	);
	const parts = [ providerLabel( provider, routes ), model ];
	if ( usage ) {
		parts.push( formatTokens( usage ), formatCost( usage ) );
	}
	return (
		<p className="agentic-writer-answer-meta">
			{ parts.filter( Boolean ).join( ' · ' ) }
		</p>
	);
}
