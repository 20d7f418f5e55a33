<?php
/**
 * The smallest provider to write: answer a request with text, the rest is done here.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Providers\Base;

use AgenticWriter\Providers\Contracts\Chat_Request;
use AgenticWriter\Providers\Contracts\Chat_Result;
use AgenticWriter\Providers\Contracts\Stream_Event;
use AgenticWriter\Providers\Provider_Types;

/**
 * For providers of other plugins (README, "Adding a provider") that compute their answer in
 * PHP or call an API of their own: implement answer(). Label and kind come from the type's
 * descriptor; streaming sends the answer word by word; tokens are estimated (four characters
 * a token) as there is no tokenizer to ask; the cost is `local` (no money involved) unless
 * cost_of_answer() says otherwise.
 */
abstract class Text_Provider extends Abstract_Provider {

	/**
	 * The answer. Throw a Provider_Error to fail: the router then tries the next provider.
	 *
	 * @param Chat_Request $request What was asked.
	 */
	abstract protected function answer( Chat_Request $request ): string;

	/**
	 * The type's label.
	 */
	public function label(): string {
		return Provider_Types::of( $this->id )?->label ?? $this->id;
	}

	/**
	 * The type's kind.
	 */
	public function kind(): string {
		return Provider_Types::of( $this->id )?->kind ?? 'local';
	}

	/**
	 * Needs nothing unless a subclass says so.
	 */
	public function is_configured(): bool {
		return true;
	}

	/**
	 * The model from the settings, or the provider's id when it has no model setting.
	 */
	public function default_model(): string {
		$model = parent::default_model();
		return '' !== $model ? $model : $this->id;
	}

	/**
	 * One model: the default.
	 *
	 * @return array<int,array{id:string,name:string}>
	 */
	public function models(): array {
		return array(
			array(
				'id'   => $this->default_model(),
				'name' => $this->label(),
			),
		);
	}

	/**
	 * One complete answer.
	 *
	 * @param Chat_Request $request What to ask.
	 */
	public function chat( Chat_Request $request ): Chat_Result {
		return $this->result( $request, $this->answer( $request ), null );
	}

	/**
	 * The answer, word by word.
	 *
	 * @param Chat_Request                 $request    What to ask.
	 * @param callable(Stream_Event): void $on_event   Called per delta.
	 * @param callable(): bool|null        $keep_going False stops sending.
	 */
	public function chat_stream( Chat_Request $request, callable $on_event, ?callable $keep_going = null ): Chat_Result {
		$start = microtime( true );
		$text  = $this->answer( $request );
		$ttft  = null;
		foreach ( preg_split( '/(?<=\s)/u', $text, -1, PREG_SPLIT_NO_EMPTY ) ?: array() as $piece ) {
			if ( null !== $keep_going && ! $keep_going() ) {
				break;
			}
			$ttft ??= self::ms_since( $start );
			$on_event( Stream_Event::delta( $piece ) );
		}
		return $this->result( $request, $text, $ttft );
	}

	/**
	 * USD and cost kind of an answer: no money by default.
	 *
	 * @param int $prompt_tokens     Estimated prompt tokens.
	 * @param int $completion_tokens Estimated completion tokens.
	 * @return array{0:float|null,1:string}
	 */
	protected function cost_of_answer( int $prompt_tokens, int $completion_tokens ): array {
		return array( null, 'local' );
	}

	/**
	 * Name of the API, for messages.
	 */
	protected function api_name(): string {
		return $this->label();
	}

	/**
	 * The answer with estimated usage.
	 *
	 * @param Chat_Request $request Request.
	 * @param string       $text    Answer.
	 * @param int|null     $ttft_ms Milliseconds to the first delta.
	 */
	private function result( Chat_Request $request, string $text, ?int $ttft_ms ): Chat_Result {
		$asked = $request->system . implode( "\n", array_column( $request->messages, 'content' ) );
		$in    = (int) ceil( mb_strlen( $asked ) / 4 );
		$out   = (int) ceil( mb_strlen( $text ) / 4 );
		list( $cost, $kind ) = $this->cost_of_answer( $in, $out );
		return new Chat_Result( $text, $request->model ?? $this->default_model(), $in, $out, $cost, $kind, 'stop', $ttft_ms );
	}
}
