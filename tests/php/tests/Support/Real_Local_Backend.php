<?php
/**
 * The real local backend (local-backend/src, its pinned `claude` CLI talking to the mock
 * upstream) on a free port, for tests that need the real thing.
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests\Support;

/**
 * Started in its own process group (setsid), so stopping it stops its CLI processes too.
 */
final class Real_Local_Backend {

	/**
	 * Base URL, e.g. http://127.0.0.1:41234.
	 *
	 * @var string
	 */
	public string $base_url = '';

	/**
	 * Its API key.
	 *
	 * @var string
	 */
	public string $key = '';

	/**
	 * Process group id.
	 *
	 * @var int
	 */
	public int $pid = 0;

	/**
	 * The proc_open handle.
	 *
	 * @var resource|null
	 */
	private $process = null;

	/**
	 * Its HOME and log.
	 *
	 * @var string
	 */
	private string $home = '';

	/**
	 * Starts it and waits until /ping answers (fails the test when it does not in 30 s).
	 *
	 * @param string               $mock_url Mock upstream the CLI talks to.
	 * @param string               $port_url A free `http://127.0.0.1:PORT`.
	 * @param array<string,string> $env      More environment (e.g. AW_BACKEND_POOL).
	 */
	public static function start( string $mock_url, string $port_url, array $env = array() ): self {
		$self       = new self();
		$repo       = dirname( __DIR__, 4 );
		$port       = (int) wp_parse_url( $port_url, PHP_URL_PORT );
		$self->key  = 'awlb-test-' . wp_generate_password( 12, false );
		$self->home = sys_get_temp_dir() . '/aw-backend-home-' . getmypid() . '-' . $port;
		$claude     = $repo . '/node_modules/.bin/claude';
		wp_mkdir_p( $self->home . '/tmp' );
		$env += array(
			'PATH'                                     => (string) getenv( 'PATH' ),
			'HOME'                                     => $self->home,
			// The CLI's working folders too: a killed backend cannot clean them up itself.
			'TMPDIR'                                   => $self->home . '/tmp',
			'AW_BACKEND_PORT'                          => (string) $port,
			'AW_BACKEND_API_KEY'                       => $self->key,
			'AW_BACKEND_KEY_FILE'                      => $self->home . '/.api-key',
			'AW_BACKEND_POOL'                          => '0',
			'AW_CLAUDE_BIN'                            => is_executable( $claude ) ? $claude : 'claude',
			'ANTHROPIC_BASE_URL'                       => $mock_url,
			'ANTHROPIC_API_KEY'                        => 'sk-ant-backend-test',
			'CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC' => '1',
			'DISABLE_TELEMETRY'                        => '1',
			'DISABLE_AUTOUPDATER'                      => '1',
			'DISABLE_ERROR_REPORTING'                  => '1',
		);
		$log           = $self->log_file();
		$self->process = proc_open( array( 'setsid', 'node', '--import', 'tsx', 'src/index.ts' ), array( array( 'file', '/dev/null', 'r' ), array( 'file', $log, 'w' ), array( 'file', $log, 'a' ) ), $pipes, $repo . '/local-backend', $env );
		$self->pid      = (int) proc_get_status( $self->process )['pid'];
		$self->base_url = "http://127.0.0.1:{$port}";
		$deadline       = microtime( true ) + 30;
		do {
			usleep( 100_000 );
			$ping = @file_get_contents( $self->base_url . '/ping' ); // phpcs:ignore WordPress.PHP.NoSilencedErrors -- refused until it listens.
		} while ( false === $ping && microtime( true ) < $deadline );
		if ( false === $ping ) {
			$output = (string) file_get_contents( $log );
			$self->stop();
			\PHPUnit\Framework\Assert::fail( 'The local backend did not start: ' . $output );
		}
		return $self;
	}

	/**
	 * Where it writes its output.
	 */
	public function log_file(): string {
		return $this->home . '.log';
	}

	/**
	 * Kills it with its CLI processes and removes its files.
	 */
	public function stop(): void {
		if ( null === $this->process ) {
			return;
		}
		posix_kill( -$this->pid, SIGKILL );
		proc_close( $this->process );
		$this->process = null;
		exec( 'rm -rf ' . escapeshellarg( $this->home ) . ' ' . escapeshellarg( $this->log_file() ) );
	}
}
