#pragma once
#include <launchdarkly/server_side/bindings/c/sdk.h>

// Free function: IsFeatureOn("x").
bool IsFeatureOn(const char *name);
