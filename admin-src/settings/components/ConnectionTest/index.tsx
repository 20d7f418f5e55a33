/**
 * WordPress dependencies
 */
import { Button, Notice, Spinner } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { errorMessage } from '../../../shared/api-client';
import type {
	ConnectionTest as TestResult,
	ProviderStatus,
} from '../../../shared/provider-settings';
import { testProvider } from '../../../shared/settings-api';

/**
 * One line on the provider's state: breaker first (it decides whether requests reach it),
 * then the last known health.
 *
 * @param status Provider from GET providers.
 */
export function healthLabel( status: ProviderStatus | undefined ): string {
	if ( ! status ) {
		return __( 'Unknown', 'agentic-writer' );
	}
	if ( ! status.configured ) {
		return __( 'Not configured', 'agentic-writer' );
	}
	if ( status.breaker.state === 'open' ) {
		return sprintf(
			/* translators: %d: failures in a row. */
			__( 'Paused after %d failures (circuit open)', 'agentic-writer' ),
			status.breaker.failures
		);
	}
	if ( status.breaker.state === 'half_open' ) {
		return __( 'Recovering (next request probes it)', 'agentic-writer' );
	}
	if ( ! status.health ) {
		return __( 'Not checked yet', 'agentic-writer' );
	}
	return status.health.ok
		? __( 'Healthy', 'agentic-writer' )
		: __( 'Failing', 'agentic-writer' );
}

type Props = {
	providerId: string;
	status: ProviderStatus | undefined;
	/** Unsaved edits: the test runs against what is saved. */
	dirty: boolean;
	onTested: () => void;
};

/**
 * Health badge and the Test connection button with its result.
 *
 * @param props            Props.
 * @param props.providerId
 * @param props.status
 * @param props.dirty
 * @param props.onTested
 */
export default function ConnectionTest( {
	providerId,
	status,
	dirty,
	onTested,
}: Props ) {
	const [ running, setRunning ] = useState( false );
	const [ result, setResult ] = useState< TestResult | null >( null );
	const [ failure, setFailure ] = useState< string | null >( null );

	const run = async () => {
		setRunning( true );
		setResult( null );
		setFailure( null );
		try {
			setResult( await testProvider( providerId ) );
			onTested();
		} catch ( error: unknown ) {
			setFailure( errorMessage( error ) );
		} finally {
			setRunning( false );
		}
	};

	return (
		<div className="agentic-writer-test">
			<p>
				<span className="agentic-writer-badge">
					{ sprintf(
						/* translators: %s: provider state, e.g. Healthy. */
						__( 'Status: %s', 'agentic-writer' ),
						healthLabel( status )
					) }
				</span>
			</p>
			<Button
				variant="secondary"
				onClick={ run }
				isBusy={ running }
				disabled={ running }
				accessibleWhenDisabled
			>
				{ __( 'Test connection', 'agentic-writer' ) }
			</Button>
			{ running && <Spinner /> }
			{ dirty && (
				<p className="description">
					{ __(
						'The test uses the saved settings: save your changes first.',
						'agentic-writer'
					) }
				</p>
			) }
			{ result && (
				<Notice
					status={ result.ok ? 'success' : 'error' }
					isDismissible={ false }
				>
					{ result.message }
				</Notice>
			) }
			{ failure && (
				<Notice status="error" isDismissible={ false }>
					{ failure }
				</Notice>
			) }
		</div>
	);
}
