<?php
/**
 * Prices (the admin's before the catalogue, unknown models without a cost), savings, the
 * settings that hold them, and the daily retention prune.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests\Usage;

use AgenticWriter\Settings\Settings;
use AgenticWriter\Tests\Support\Provider_Http_Test_Case;
use AgenticWriter\Usage\Pricing;
use AgenticWriter\Usage\Usage_Repository;
use AgenticWriter\Usage\Usage_Retention;
use AgenticWriter\Usage\Usage_Table;

require_once dirname( __DIR__ ) . '/Support/Provider_Http_Test_Case.php';

/**
 * The catalogue is the mock's (gpt-4o-mini: $0.15 / $0.60 per million tokens).
 */
final class Pricing_And_Retention_Test extends Provider_Http_Test_Case {

	/**
	 * Rows of 2031-01 go.
	 */
	protected function tearDown(): void {
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- test cleanup.
		$wpdb->query( 'DELETE FROM ' . Usage_Table::name() . " WHERE source = 'test:retention' OR (created_at >= '2031-01-01' AND created_at < '2031-02-01')" );
		parent::tearDown();
	}

	/**
	 * An admin price beats the catalogue, by the model as recorded or its OpenRouter id; a
	 * model neither knows has no cost.
	 */
	public function test_admin_price_beats_the_catalogue(): void {
		$pricing = new Pricing();
		$this->assertEqualsWithDelta( 1e6 * 0.00000015 + 1e6 * 0.0000006, $pricing->estimate( 'openai/gpt-4o-mini', 1000000, 1000000 ), 1e-9 );
		$this->configure( array( 'prices' => array( 'gpt-4o-mini' => array( 'input_per_mtok' => 2, 'output_per_mtok' => 8 ) ) ) );
		$this->assertEqualsWithDelta( 2.0 + 8.0 * 0.5, $pricing->estimate( 'openai/gpt-4o-mini', 1000000, 500000 ), 1e-9 );
		$this->assertEqualsWithDelta( 10.0, $pricing->estimate( 'gpt-4o-mini', 1000000, 1000000 ), 1e-9 );
		$this->assertNull( $pricing->estimate( 'acme/unknown-model', 1000, 1000 ) );
		$this->configure( array( 'prices' => array( 'gpt-4o-mini' => null ) ) );
		$this->assertSame( array(), Settings::stored()['prices'], 'null removes a price' );
	}

	/**
	 * Over HTTP: Anthropic reports tokens, no money: its cost is estimated from the admin's
	 * price; a model without any price is recorded with no cost, still `estimated`.
	 */
	public function test_estimated_cost_of_an_answer(): void {
		$this->configure(
			array(
				'provider_mode' => 'cloud',
				'routing'       => array( 'simple' => array( 'text' => 'anthropic' ) ),
				'prices'        => array( 'claude-sonnet-4-5' => array( 'input_per_mtok' => 1000, 'output_per_mtok' => 2000 ) ),
			)
		);
		$answer = $this->rest( 'POST', '/agentic-writer/v1/generate', 'admin', array( 'task' => 'chat', 'prompt' => 'Price me' ) );
		$this->assertSame( 200, $answer['status'], $answer['body'] );
		$usage = $answer['json']['usage'];
		$this->assertSame( 'estimated', $usage['cost_kind'] );
		$this->assertEqualsWithDelta( ( $usage['tokens_prompt'] * 1000 + $usage['tokens_completion'] * 2000 ) / 1e6, $usage['cost_usd'], 1e-9 );

		$this->configure( array( 'prices' => array( 'claude-sonnet-4-5' => null ), 'providers' => array( 'anthropic' => array( 'model' => 'claude-unpriced-9' ) ) ) );
		$unknown = $this->rest( 'POST', '/agentic-writer/v1/generate', 'admin', array( 'task' => 'chat', 'prompt' => 'Price me again' ) );
		$this->assertSame( 200, $unknown['status'], $unknown['body'] );
		$this->assertSame( array( null, 'estimated' ), array( $unknown['json']['usage']['cost_usd'], $unknown['json']['usage']['cost_kind'] ) );
	}

	/**
	 * Savings: the subscription and local answers' tokens at the cloud default's price
	 * (OpenRouter's gpt-4o-mini here), labelled separately from any cost.
	 */
	public function test_savings_price_own_answers_at_the_cloud_default(): void {
		foreach ( array( 'subscription', 'local', 'metered' ) as $i => $kind ) {
			( new Usage_Repository() )->insert(
				array(
					'created_at'        => '2031-01-10 12:00:0' . $i,
					'request_id'        => wp_generate_uuid4(),
					'provider'          => 'local_backend',
					'model'             => 'sonnet',
					'tokens_prompt'     => 1000000,
					'tokens_completion' => 1000000,
					'cost_usd'          => 'local' === $kind ? null : 1.0,
					'cost_kind'         => $kind,
					'status'            => 'ok',
				)
			);
		}
		$totals = $this->rest( 'GET', '/agentic-writer/v1/usage/summary?from=2031-01-10&to=2031-01-10' )['json']['totals'];
		$this->assertEqualsWithDelta( 2 * ( 0.15 + 0.60 ), $totals['savings_usd'], 1e-8 );
		$this->assertEqualsWithDelta( 1.0, $totals['cost_usd']['subscription'], 1e-8 );
	}

	/**
	 * Budgets and prices are validated like every setting: the 400 names the field.
	 */
	public function test_budget_and_price_settings_are_validated(): void {
		foreach ( array(
			array( array( 'budgets' => array( 'site_daily_usd' => -1 ) ), 'budgets[site_daily_usd]' ),
			array( array( 'budgets' => array( 'at_cap' => 'panic' ) ), 'budgets[at_cap]' ),
			array( array( 'budgets' => array( 'role_daily_usd' => array( 'author' => 'lots' ) ) ), 'budgets[role_daily_usd][author]' ),
			array( array( 'prices' => array( 'gpt-4o' => array( 'input_per_mtok' => 'free', 'output_per_mtok' => 1 ) ) ), 'prices[gpt-4o][input_per_mtok]' ),
			array( array( 'retention_days' => -3 ), 'retention_days' ),
		) as [ $patch, $field ] ) {
			$response = $this->rest( 'POST', '/agentic-writer/v1/settings', 'admin', $patch );
			$this->assertSame( 400, $response['status'], $field );
			$this->assertSame( $field, $response['json']['data']['field'] );
		}
		$saved = $this->rest( 'POST', '/agentic-writer/v1/settings', 'admin', array( 'budgets' => array( 'site_daily_usd' => 5, 'at_cap' => 'local_only' ), 'retention_days' => 90 ) )['json'];
		$this->assertSame( array( 5, null, 80, 'local_only' ), array( $saved['budgets']['site_daily_usd'], $saved['budgets']['site_monthly_usd'], $saved['budgets']['alert_percent'], $saved['budgets']['at_cap'] ) );
		$this->assertSame( 90, $saved['retention_days'] );
	}

	/**
	 * The daily hook deletes rows older than retention_days and keeps the rest; 0 keeps all.
	 */
	public function test_retention_prune(): void {
		$repo = new Usage_Repository();
		foreach ( array( 40, 29 ) as $days ) {
			$repo->insert(
				array(
					'created_at' => gmdate( 'Y-m-d H:i:s', time() - $days * DAY_IN_SECONDS ),
					'request_id' => 'retention-' . $days,
					'source'     => 'test:retention',
				)
			);
		}
		$left = static fn (): array => array_column( ( new \AgenticWriter\Usage\Usage_Rows() )->of_requests( array( 'retention-40', 'retention-29' ) ), 'request_id' );
		do_action( Usage_Retention::HOOK );
		$this->assertSame( array( 'retention-40', 'retention-29' ), $left(), 'retention 0 keeps everything' );
		$this->configure( array( 'retention_days' => 30 ) );
		do_action( Usage_Retention::HOOK );
		$this->assertSame( array( 'retention-29' ), $left() );

		Usage_Retention::unschedule();
		$this->assertFalse( wp_next_scheduled( Usage_Retention::HOOK ) );
		\AgenticWriter\Plugin::activate();
		$this->assertIsInt( wp_next_scheduled( Usage_Retention::HOOK ) );
		\AgenticWriter\Plugin::deactivate();
		$this->assertFalse( wp_next_scheduled( Usage_Retention::HOOK ) );
		Usage_Retention::schedule();
	}
}
