/**
 * WordPress dependencies
 */
import { Notice, Spinner } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { describeDbEngine } from '../../plugin-status';
import type { PluginStatusState } from '../../use-plugin-status';

type Props = {
	result: PluginStatusState;
};

/**
 * What the plugin runs on, as a definition list.
 *
 * @param props        Props.
 * @param props.result Status request state.
 */
export default function StatusSummary( { result }: Props ) {
	if ( result.state === 'loading' ) {
		return (
			<p>
				<Spinner /> { __( 'Loading plugin status…', 'agentic-writer' ) }
			</p>
		);
	}
	if ( result.state === 'error' ) {
		return (
			<Notice status="error" isDismissible={ false }>
				{ sprintf(
					/* translators: %s: error message from the server. */
					__(
						'Could not load the plugin status: %s',
						'agentic-writer'
					),
					result.message
				) }
			</Notice>
		);
	}
	const { status } = result;
	return (
		<dl
			className="agentic-writer-status"
			aria-label={ __( 'Plugin status', 'agentic-writer' ) }
		>
			<dt>{ __( 'Plugin version', 'agentic-writer' ) }</dt>
			<dd>{ status.version }</dd>
			<dt>{ __( 'Usage table schema', 'agentic-writer' ) }</dt>
			<dd>
				{ status.schema_version > 0
					? String( status.schema_version )
					: __( 'not installed', 'agentic-writer' ) }
			</dd>
			<dt>{ __( 'Database', 'agentic-writer' ) }</dt>
			<dd>{ describeDbEngine( status.db_engine ) }</dd>
			<dt>{ __( 'PHP', 'agentic-writer' ) }</dt>
			<dd>{ status.php_version }</dd>
			{ status.wp_version && (
				<>
					<dt>{ __( 'WordPress', 'agentic-writer' ) }</dt>
					<dd>{ status.wp_version }</dd>
				</>
			) }
		</dl>
	);
}
