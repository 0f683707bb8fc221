"""A LocalStack Lambda runtime executor that runs nothing (the LocalStack lane's LAMBDA_RUNTIME_EXECUTOR=noop).

Host-mode LocalStack has no Docker to start a Lambda runtime in, and offline it cannot download one. The lane only
needs the functions to be *created* (so CloudFormation completes and the event source mappings exist): the test runs
the Quarkus functions in-process. Preparing a version succeeds at once; an invocation fails with a clear error, so a
mapping that was not disabled shows up in LocalStack's log instead of silently swallowing messages.

Registered under the plugin namespace "localstack.lambda.runtime_executor" by the dist-info next to this file, which
the lane puts on PYTHONPATH (no install into the venv).
"""
from localstack.services.lambda_.invocation.plugins import RuntimeExecutorPlugin
from localstack.services.lambda_.invocation.runtime_executor import LambdaRuntimeException, RuntimeExecutor


class NoopRuntimeExecutor(RuntimeExecutor):
    def start(self, env_vars):
        raise LambdaRuntimeException("LocalStack lane: functions are created, not run (noop runtime executor)")

    def stop(self):
        pass

    def get_address(self):
        return "127.0.0.1"

    def get_endpoint_from_executor(self):
        return "127.0.0.1"

    def get_runtime_endpoint(self):
        return "http://127.0.0.1/_localstack_lambda/" + self.id

    def invoke(self, payload):
        raise LambdaRuntimeException("LocalStack lane: functions are created, not run (noop runtime executor)")

    def get_logs(self):
        return ""

    @classmethod
    def prepare_version(cls, function_version):
        pass

    @classmethod
    def cleanup_version(cls, function_version):
        pass


class NoopRuntimeExecutorPlugin(RuntimeExecutorPlugin):
    name = "noop"

    def load(self, *args, **kwargs):
        return NoopRuntimeExecutor
