/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { ProviderDescriptor } from '../../../shared/provider-settings';

/**
 * How a provider's cost is known, in words; '' when there is nothing to say.
 *
 * @param source Descriptor's `cost_source`.
 */
export function costLabel( source: string ): string {
	switch ( source ) {
		case 'metered':
			return __( 'cost as billed by the provider', 'agentic-writer' );
		case 'estimated':
			return __( 'cost estimated from your prices', 'agentic-writer' );
		case 'subscription':
			return __( 'covered by a subscription', 'agentic-writer' );
		case 'local':
			return __( 'runs on your machines', 'agentic-writer' );
		default:
			return '';
	}
}

/**
 * A provider type's sentence, and what it does: tasks, streaming, images, cost.
 *
 * @param props            Props.
 * @param props.descriptor Provider type from GET providers.
 */
export default function ProviderAbout( {
	descriptor,
}: {
	descriptor: ProviderDescriptor;
} ) {
	const { capabilities } = descriptor;
	const facts = [
		descriptor.kind === 'local'
			? __( 'Local', 'agentic-writer' )
			: __( 'Cloud', 'agentic-writer' ),
		sprintf(
			/* translators: %s: comma-separated task names. */
			__( 'tasks: %s', 'agentic-writer' ),
			capabilities.tasks.join( ', ' ) || '—'
		),
		capabilities.streaming ? __( 'streams', 'agentic-writer' ) : '',
		capabilities.images ? __( 'draws images', 'agentic-writer' ) : '',
		costLabel( descriptor.cost_source ),
	].filter( Boolean );
	return (
		<>
			{ descriptor.description && <p>{ descriptor.description }</p> }
			<p className="agentic-writer-facts">{ facts.join( ' · ' ) }</p>
		</>
	);
}
