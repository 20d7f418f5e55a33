/**
 * WordPress dependencies
 */
import { Button, Notice } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { errorMessage } from '../../../shared/api-client';
import { rotateIngestSecret } from '../../ingest-secret-api';
import SettingsCard from '../SettingsCard';

type Props = {
	ingest: { secret_set: boolean; secret_hint: string };
};

/**
 * The secret external proxies sign usage batches with: whether one is set, and a button that
 * generates a new one and shows it this once.
 *
 * @param props        Props.
 * @param props.ingest What GET settings says of the secret.
 */
export default function IngestSecretCard( { ingest }: Props ) {
	const [ secret, setSecret ] = useState< string | null >( null );
	const [ busy, setBusy ] = useState( false );
	const [ error, setError ] = useState< string | null >( null );
	const isSet = secret !== null || ingest.secret_set;

	const rotate = async () => {
		if (
			isSet &&
			// eslint-disable-next-line no-alert
			! window.confirm(
				__(
					'Senders using the current secret will stop working until they get the new one. Generate a new secret?',
					'agentic-writer'
				)
			)
		) {
			return;
		}
		setBusy( true );
		setError( null );
		try {
			setSecret( ( await rotateIngestSecret() ).secret );
		} catch ( e: unknown ) {
			setError( errorMessage( e ) );
		} finally {
			setBusy( false );
		}
	};

	return (
		<SettingsCard
			id="ingest-secret"
			title={ __( 'Ingest secret', 'agentic-writer' ) }
		>
			<p>
				{ __(
					'External proxies post usage to usage/ingest signed with this secret (HMAC-SHA256, header X-Agentic-Writer-Signature).',
					'agentic-writer'
				) }
			</p>
			{ secret === null && (
				<p className="agentic-writer-ingest__state">
					{ ingest.secret_set
						? sprintf(
								/* translators: %s: the secret's last characters. */
								__( 'A secret is set (%s).', 'agentic-writer' ),
								ingest.secret_hint
							)
						: __( 'No secret is set.', 'agentic-writer' ) }
				</p>
			) }
			{ secret !== null && (
				<Notice status="warning" isDismissible={ false }>
					<p>
						{ __(
							'Your new secret, shown only this once: copy it into the sender now. The previous secret no longer works.',
							'agentic-writer'
						) }
					</p>
					<code className="agentic-writer-ingest__secret">
						{ secret }
					</code>
				</Notice>
			) }
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error }
				</Notice>
			) }
			<Button
				variant="secondary"
				isBusy={ busy }
				disabled={ busy }
				accessibleWhenDisabled
				onClick={ rotate }
			>
				{ __( 'Generate a new secret', 'agentic-writer' ) }
			</Button>
		</SettingsCard>
	);
}
