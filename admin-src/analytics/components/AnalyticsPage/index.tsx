/**
 * WordPress dependencies
 */
import { Card, CardBody, CardHeader } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import StatusSummary from '../../../shared/components/StatusSummary';
import { usePluginStatus } from '../../../shared/use-plugin-status';

/**
 * Agentic Writer → Analytics.
 */
export default function AnalyticsPage() {
	const status = usePluginStatus();

	return (
		<>
			<h1>{ __( 'Agentic Writer analytics', 'agentic-writer' ) }</h1>
			<p>
				{ __(
					'Every AI request is recorded in the usage table. Charts of cost, tokens, latency and fallbacks per provider, model and author arrive with the analytics work.',
					'agentic-writer'
				) }
			</p>
			<Card>
				<CardHeader>
					<h2>{ __( 'Status', 'agentic-writer' ) }</h2>
				</CardHeader>
				<CardBody>
					<StatusSummary result={ status } />
				</CardBody>
			</Card>
		</>
	);
}
