# Shared by the Makefile of every artifact module (functions/artifacts/<group>/Makefile), which `sam build` runs for
# each function of template.yaml (Metadata: BuildMethod: makefile; samconfig.toml sets build_in_source, so this runs
# here, in the source tree, and Maven sees the whole project):
#   make build-<LogicalId> ARTIFACTS_DIR=<.aws-sam/build/LogicalId>
# The first call builds every group's artifact in one Maven run (again only when a source, a configuration file or
# a pom changed since), and StoreJars.java repacks each into target/lambda.zip (jars stored, zip deflated);
# each target then unpacks its group's lambda.zip into the function's artifact directory, which `sam package` /
# `sam deploy` zip and upload. Kept tool-free on purpose: make, mvn, java and unzip, nothing else.
#   make -C functions/artifacts/<group> lambda-zips    builds the zips only (bench/run.sh coldstart uses them)

ARTIFACTS := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))
ROOT := $(abspath $(ARTIFACTS)/../..)
GROUPS := ingest scan workers contact-sweep credit-report inbox
ZIPS := $(foreach g,$(GROUPS),$(ARTIFACTS)/$(g)/target/lambda.zip)
STAMP := $(ARTIFACTS)/target/built.stamp
comma := ,
space := $(subst ,, )
MODULES := $(subst $(space),$(comma),$(foreach g,$(GROUPS),functions/artifacts/$(g)))
SOURCES := $(shell find $(ROOT)/functions/collections-core/src/main $(ROOT)/functions/collections-lambda/src/main \
	$(ROOT)/infra/config $(foreach g,$(GROUPS),$(ARTIFACTS)/$(g)/src) -type f) $(ROOT)/pom.xml \
	$(ROOT)/functions/collections-core/pom.xml $(ROOT)/functions/collections-lambda/pom.xml \
	$(ARTIFACTS)/pom.xml $(foreach g,$(GROUPS),$(ARTIFACTS)/$(g)/pom.xml) $(ARTIFACTS)/StoreJars.java

.PHONY: lambda-zips $(addprefix build-,$(FUNCTIONS))

lambda-zips: $(STAMP)

# collections-lambda's own Quarkus application (all functions, for its tests) is not packaged here: only the groups.
$(STAMP): $(SOURCES)
	cd $(ROOT) && mvn -B -q -DskipTests package -Plambda-artifacts -Dcollections-lambda.package.skip=true \
		-pl functions/artifacts,$(MODULES) -am
	java -cp $(ARTIFACTS)/target/tools/asm.jar $(ARTIFACTS)/StoreJars.java $(foreach g,$(GROUPS),$(ARTIFACTS)/$(g)/target/function.zip $(ARTIFACTS)/$(g)/target/lambda.zip)
	@mkdir -p $(dir $@) && touch $@

$(addprefix build-,$(FUNCTIONS)): build-%: $(STAMP)
	@test -n "$(ARTIFACTS_DIR)" || { echo "ARTIFACTS_DIR is not set (run through sam build)" >&2; exit 2; }
	rm -rf "$(ARTIFACTS_DIR)" && mkdir -p "$(ARTIFACTS_DIR)"
	unzip -q -o $(ARTIFACTS)/$(GROUP)/target/lambda.zip -d "$(ARTIFACTS_DIR)"
