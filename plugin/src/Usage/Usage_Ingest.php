<?php
/**
 * Usage records posted by external proxies, written as usage rows.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Usage;

use DateTimeImmutable;
use DateTimeZone;

/**
 * Idempotent by request id: a record whose request id already has a row (or came earlier in
 * the same batch) is a duplicate and changes nothing, so a proxy may resend a batch after a
 * timeout. A record with a cost is `metered`; without, it is priced like the plugin's own
 * answers (admin prices, then the catalogue) as `estimated`, or left without a cost.
 */
final class Usage_Ingest {

	/**
	 * Builds the ingest.
	 *
	 * @param Usage_Repository $repo    Writes.
	 * @param Usage_Queries    $queries Duplicate check.
	 * @param Pricing          $pricing Prices.
	 */
	public function __construct(
		private Usage_Repository $repo = new Usage_Repository(),
		private Usage_Queries $queries = new Usage_Queries(),
		private Pricing $pricing = new Pricing()
	) {
	}

	/**
	 * Writes a validated batch.
	 *
	 * @param string                         $source  Sender's name (recorded as `ingest:<name>`).
	 * @param array<int,array<string,mixed>> $records Records.
	 * @param int                            $user_id User who sent it (0 for a signed request).
	 * @return array{accepted:int,duplicates:int}
	 */
	public function ingest( string $source, array $records, int $user_id ): array {
		$seen     = array_flip( $this->queries->existing_request_ids( array_map( static fn ( array $r ): string => (string) $r['request_id'], $records ) ) );
		$accepted = 0;
		foreach ( $records as $record ) {
			$id = (string) $record['request_id'];
			if ( isset( $seen[ $id ] ) ) {
				continue;
			}
			$seen[ $id ] = true;
			if ( $this->repo->insert( $this->row( $source, $record, $user_id ) ) ) {
				++$accepted;
			}
		}
		return array(
			'accepted'   => $accepted,
			'duplicates' => count( $records ) - $accepted,
		);
	}

	/**
	 * The usage row of a record.
	 *
	 * @param string              $source  Sender's name.
	 * @param array<string,mixed> $record  Record.
	 * @param int                 $user_id Sender.
	 * @return array<string,mixed>
	 */
	private function row( string $source, array $record, int $user_id ): array {
		$in    = (int) $record['tokens_prompt'];
		$out   = (int) $record['tokens_completion'];
		$cost  = isset( $record['cost_usd'] ) ? (float) $record['cost_usd'] : null;
		$kind  = null !== $cost ? 'metered' : 'estimated';
		$kind  = (string) ( $record['cost_kind'] ?? $kind );
		$cost  = $cost ?? ( 'estimated' === $kind ? $this->pricing->estimate( (string) $record['model'], $in, $out ) : null );
		$at    = ( new DateTimeImmutable( (string) $record['created_at'] ) )->setTimezone( new DateTimeZone( 'UTC' ) );
		$status = (string) ( $record['status'] ?? 'ok' );
		return array(
			'created_at'        => $at->format( 'Y-m-d H:i:s' ),
			'user_id'           => $user_id,
			'request_id'        => (string) $record['request_id'],
			'task_type'         => (string) $record['task_type'],
			'provider'          => (string) $record['provider'],
			'model'             => (string) $record['model'],
			'tokens_prompt'     => $in,
			'tokens_completion' => $out,
			'tokens_total'      => $in + $out,
			'cost_usd'          => $cost,
			'cost_kind'         => $kind,
			'latency_ms'        => (int) ( $record['latency_ms'] ?? 0 ),
			'ttft_ms'           => isset( $record['ttft_ms'] ) ? (int) $record['ttft_ms'] : null,
			'status'            => $status,
			'fallback_from'     => (string) ( $record['fallback_from'] ?? '' ),
			'error_code'        => (string) ( $record['error_code'] ?? '' ),
			'source'            => 'ingest:' . $source,
			'attempt'           => 1,
		);
	}
}
